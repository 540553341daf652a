import { useEffect, useState } from 'react';
import { agreementFieldId as idOf, emptyParty, type PartyDraft } from '../../lib/agreement-draft.ts';
import { PartyFieldset } from './PartyFieldset.tsx';

/** The parties of the agreement, at least two; adding one moves the focus to its search box. */
export function PartiesFieldset({ parties, errors, onChange }: { parties: PartyDraft[]; errors: Record<string, string>; onChange(parties: PartyDraft[]): void }) {
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);
  const moveFocus = (id: string) => setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));

  return (
    <fieldset className="fieldset parties-fieldset" id={idOf('parties')} tabIndex={-1} aria-describedby={`${idOf('parties')}-hint${errors.parties ? ` ${idOf('parties')}-error` : ''}`}>
      <legend className="fieldset-title">Parties</legend>
      <p className="field-hint" id={`${idOf('parties')}-hint`}>
        Au moins deux : le fournisseur (rôle « Fournisseur / coordonnateur ») et ses adhérents.
      </p>
      {errors.parties ? (
        <p className="field-error" id={`${idOf('parties')}-error`}>
          <span className="sr-only">Erreur : </span>
          {errors.parties}
        </p>
      ) : null}
      {parties.map((party, i) => (
        <PartyFieldset
          key={party.key}
          index={i}
          party={party}
          errors={errors}
          onChange={(next) => onChange(parties.map((p, j) => (j === i ? next : p)))}
          onRemove={
            parties.length > 2
              ? () => {
                  onChange(parties.filter((_, j) => j !== i));
                  moveFocus(idOf('parties'));
                }
              : null
          }
        />
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          onChange([...parties, emptyParty('member')]);
          moveFocus(`${idOf(`parties.${parties.length}.organisationId`)}-recherche`);
        }}
      >
        Ajouter une partie
      </button>
    </fieldset>
  );
}
