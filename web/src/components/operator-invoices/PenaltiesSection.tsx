import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OperatorInvoiceSummary } from '../../api/consumption-records.ts';
import { api } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { SelectField } from '../forms.tsx';
import { Alert, LoadError, Loading } from '../ui.tsx';
import { PenaltiesTable } from './PenaltiesTable.tsx';
import { PenaltyForm } from './PenaltyForm.tsx';

/**
 * Penalties received from operators in a year (`annee` in the address), paid back to the members at its end
 * (seed 000 art. 4.2), and the form that records one (a provider must be chosen, and `consumption:write`).
 */
export function PenaltiesSection({
  providerId,
  year,
  years,
  invoices,
  canWrite,
  onYear,
}: {
  providerId: string;
  year: number;
  years: number[];
  invoices: readonly OperatorInvoiceSummary[];
  canWrite: boolean;
  onYear(year: number): void;
}) {
  const announce = useAnnounce();
  const [draftYear, setDraftYear] = useState(String(year));
  useEffect(() => setDraftYear(String(year)), [year]);
  const [generation, setGeneration] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const query = { year, ...(providerId ? { providerId } : {}) };
  const penalties = useResource((signal) => api.penalties.list(query, signal), `penalties-${year}-${providerId}-${generation}`);

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFlash(null);
    onYear(Number(draftYear));
  }

  const list = penalties.data ?? [];
  return (
    <section className="section" aria-labelledby="penalites-titre" aria-busy={penalties.loading}>
      <h2 id="penalites-titre">Pénalités</h2>
      <p>Les pénalités versées par les opérateurs pour les services d'un adhérent lui sont reversées à la fin de l'année civile.</p>
      <form className="panel inline-form" onSubmit={submit} noValidate aria-label="Choisir l'année des pénalités">
        <SelectField id="penalites-annee" label="Année de réception" value={draftYear} onChange={(e) => setDraftYear(e.target.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary">
            Afficher les pénalités
          </button>
        </div>
      </form>
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      {penalties.error ? <LoadError error={penalties.error} retry={penalties.reload} /> : null}
      {penalties.loading && !penalties.data ? <Loading /> : null}
      {penalties.data ? (
        list.length === 0 ? (
          <p className="empty">Aucune pénalité reçue en {year}.</p>
        ) : (
          <PenaltiesTable penalties={list} invoices={invoices} caption={`${plural(list.length, 'pénalité reçue', 'pénalités reçues')} en ${year}`} />
        )
      ) : null}
      {canWrite ? (
        <>
          <h3 id="penalite-titre">Enregistrer une pénalité</h3>
          {providerId ? (
            <PenaltyForm
              key={providerId}
              providerId={providerId}
              invoices={invoices}
              onRecorded={(p) => {
                const message = `Pénalité enregistrée : ${euros(p.amount)} de ${p.operator} pour ${p.organisationName}, reçue le ${formatCivilDate(p.receivedOn)}.`;
                setFlash(message);
                announce(message);
                const received = Number(p.receivedOn.slice(0, 4));
                if (received !== year) onYear(received);
                setGeneration((g) => g + 1);
              }}
            />
          ) : (
            <p className="empty">Choisissez un fournisseur dans les filtres pour enregistrer une pénalité.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
