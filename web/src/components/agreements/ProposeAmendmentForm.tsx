import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { CheckboxGroup, ErrorSummary, SelectField, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { LoadError, Loading } from '../ui.tsx';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { linesOf } from '../../lib/amendments.ts';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { amendmentInputSchema, type AmendmentView } from '../../shared.ts';
import { useCategories } from './useCategories.ts';

const LABELS = {
  subject: "Objet de l'avenant",
  proposedOn: 'Date de la proposition',
  notBefore: 'Ne prend pas effet avant le',
  title: 'Titre de la convention',
  annexes: 'Annexes',
  withdrawMember: 'Adhérent qui quitte des catégories',
  withdrawCategories: 'Catégories quittées',
  changes: 'Modifications',
};
const idOf = (field: string) => `avenant-${field}`;

/** Contract and server paths ("changes.annexes[2]", "changes.withdrawCategories[0].categories") to the form's fields. */
function fieldOf(path: string | readonly PropertyKey[]): string {
  const p = typeof path === 'string' ? path : path.map(String).join('.');
  const [first, second, , third] = p.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (first !== 'changes') return first ?? '';
  if (second === 'withdrawCategories') return third === 'categories' ? 'withdrawCategories' : 'withdrawMember';
  return second && second in LABELS ? second : 'changes';
}

function place(issues: readonly IssueLike[]) {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field in LABELS) fields[field] ??= issue.message;
    else general.push(issue.message);
  }
  return { fields, general };
}

/** Staff propose an amendment: a new title, a new list of annexes, a member leaving some categories. */
export function ProposeAmendmentForm({ agreement, onProposed, onCancel }: { agreement: AgreementDetail; onProposed(amendment: AmendmentView): void; onCancel(): void }) {
  const members = agreement.parties.filter((p) => p.role === 'member');
  const [draft, setDraft] = useState({ subject: '', proposedOn: todayInParis(), notBefore: '', title: agreement.title, annexes: agreement.annexes.join('\n'), withdrawMember: '' });
  const [chosen, setChosen] = useState<string[]>([]);
  const categories = useCategories(agreement.providerId, Boolean(draft.withdrawMember));
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit(place);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const set = (field: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });

  const submit = handle(() => {
    const title = draft.title.trim();
    const annexes = linesOf(draft.annexes);
    const changes = {
      ...(title !== agreement.title ? { title } : {}),
      ...(annexes.join('\n') !== agreement.annexes.join('\n') ? { annexes } : {}),
      ...(draft.withdrawMember ? { withdrawCategories: [{ organisationId: draft.withdrawMember, categories: chosen }] } : {}),
    };
    const found: FieldErrors = {};
    if (!draft.subject.trim()) found.subject = "indiquez l'objet de l'avenant";
    if (!draft.proposedOn) found.proposedOn = 'indiquez la date de la proposition';
    if (draft.withdrawMember && chosen.length === 0) found.withdrawCategories = 'cochez au moins une catégorie quittée';
    if (Object.keys(changes).length === 0) found.changes = "l'avenant doit modifier au moins un élément : titre, annexes ou catégories d'un adhérent";
    const body = check(found, amendmentInputSchema.safeParse({ subject: draft.subject, proposedOn: draft.proposedOn, ...(draft.notBefore ? { notBefore: draft.notBefore } : {}), changes }));
    if (body) return send(() => api.agreements.proposeAmendment(agreement.id, body), onProposed);
  });

  return (
    <section className="panel form-panel" aria-labelledby="proposer-avenant-titre">
      <h3 id="proposer-avenant-titre" tabIndex={-1} ref={headingRef}>
        Proposer un avenant
      </h3>
      <p className="muted">Renseignez ce qui change ; les éléments laissés tels quels ne sont pas modifiés. L'avenant prend effet selon les règles de la convention, une fois approuvé.</p>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="L'avenant n'a pas été enregistré" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <TextField id={idOf('subject')} label={LABELS.subject} required className="span-2" value={draft.subject} error={errors.subject} onChange={set('subject')} />
          <TextField id={idOf('proposedOn')} label={LABELS.proposedOn} hint="Délibération du fournisseur ou envoi du texte aux parties" type="date" required value={draft.proposedOn} error={errors.proposedOn} onChange={set('proposedOn')} />
          <TextField id={idOf('notBefore')} label={LABELS.notBefore} hint="Facultatif" type="date" value={draft.notBefore} error={errors.notBefore} onChange={set('notBefore')} />
        </div>
        <fieldset className="fieldset" id={idOf('changes')} tabIndex={-1} aria-describedby={errors.changes ? `${idOf('changes')}-error` : undefined}>
          <legend className="field-label">{LABELS.changes}</legend>
          {errors.changes ? (
            <p className="field-error" id={`${idOf('changes')}-error`}>
              <span className="sr-only">Erreur : </span>
              {errors.changes}
            </p>
          ) : null}
          <TextField id={idOf('title')} label={LABELS.title} hint="Modifiez-le seulement s'il change" value={draft.title} error={errors.title} onChange={set('title')} />
          <TextAreaField id={idOf('annexes')} label={LABELS.annexes} hint="La nouvelle liste complète, une annexe par ligne" rows={5} value={draft.annexes} error={errors.annexes} onChange={set('annexes')} />
          <SelectField id={idOf('withdrawMember')} label={LABELS.withdrawMember} hint="Facultatif : un retrait partiel, le socle étant conservé" value={draft.withdrawMember} error={errors.withdrawMember} onChange={set('withdrawMember')}>
            <option value="">Aucun</option>
            {members.map((m) => (
              <option key={m.organisationId} value={m.organisationId}>
                {m.organisationName}
              </option>
            ))}
          </SelectField>
          {draft.withdrawMember ? (
            categories.catalogue.error ? (
              <LoadError error={categories.catalogue.error} retry={categories.catalogue.reload} />
            ) : categories.categories.length === 0 ? (
              <Loading label="Chargement des catégories du catalogue…" />
            ) : (
              <CheckboxGroup id={idOf('withdrawCategories')} legend={LABELS.withdrawCategories} error={errors.withdrawCategories} options={categories.categories} value={chosen} onChange={setChosen} />
            )
          ) : null}
        </fieldset>
        <FormActions busy={busy} label="Enregistrer l'avenant" onCancel={onCancel} />
      </form>
    </section>
  );
}
