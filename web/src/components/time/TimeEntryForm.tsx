import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { TimeEntryInput } from '../../api/consumption-records.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { useResource } from '../../lib/hooks.ts';
import { useProviderMembers } from '../../lib/provider-members.ts';
import { durationText } from '../../lib/time-entries.ts';
import { parseDuration, timeEntryInputSchema } from '../../shared.ts';
import { CheckboxField, ErrorSummary, splitIssues, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { MemberSelect } from '../MemberSelect.tsx';
import { LineSelect } from './LineSelect.tsx';

const LABELS = {
  organisationId: 'Adhérent',
  line: 'Service',
  workedOn: "Date de l'intervention",
  duration: 'Durée',
  person: 'Intervenant',
  travelIncluded: 'Déplacement compris',
  description: 'Description',
  reference: 'Référence',
};
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `temps-saisie-${field}`;

/** The server names each refused field by its name in the request body. */
const place = (issues: readonly IssueLike[]) => splitIssues(issues, FIELDS);

/** One time entry for a member: the provider's members and catalogue lines to choose from, the duration as typed. */
export function TimeEntryForm({ providerId, onRecorded }: { providerId: string; onRecorded(message: string, workedOn: string): void }) {
  const today = todayInParis();
  const members = useProviderMembers(providerId);
  const catalogue = useResource((signal) => api.catalogue.get(providerId, signal), `catalogue-${providerId}`);
  const [draft, setDraft] = useState({ organisationId: '', line: '', workedOn: today, duration: '', person: '', travelIncluded: false, description: '', reference: '' });
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { errors, general, attempt, clear, busy, handle, check, send } = useFormSubmit(place);

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!draft.organisationId) found.organisationId = "choisissez l'adhérent";
    if (!draft.line) found.line = 'choisissez le service';
    if (!draft.workedOn) found.workedOn = "indiquez la date de l'intervention";
    else if (draft.workedOn > today) found.workedOn = 'date dans le futur : on ne saisit que le temps déjà passé';
    const minutes = draft.duration.trim() ? parseDuration(draft.duration) : 'indiquez la durée';
    if (typeof minutes === 'string') found.duration = minutes;
    if (!draft.person.trim()) found.person = "indiquez qui est intervenu";
    const body: TimeEntryInput | undefined = check(found, timeEntryInputSchema.safeParse({ ...draft, duration: draft.duration.trim(), reference: draft.reference.trim() }));
    if (!body) return;
    const member = members.data?.find((m) => m.id === draft.organisationId)?.name ?? 'l’adhérent';
    return send(
      () => api.timeEntries.create(providerId, body),
      () => {
        clear();
        // Member, service, date and person stay: several entries of a day are typed one after the other.
        setDraft((d) => ({ ...d, duration: '', description: '', reference: '', travelIncluded: false }));
        onRecorded(`Temps enregistré : ${durationText(minutes as number)} pour ${member} le ${formatCivilDate(body.workedOn)}.`, body.workedOn);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le temps n'a pas été enregistré" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="temps-saisie-titre">
        <div className="form-grid">
          <MemberSelect id={idOf('organisationId')} label={LABELS.organisationId} required members={members.data ?? []} value={draft.organisationId} error={errors.organisationId} empty={members.loading ? 'Chargement des adhérents…' : 'Choisir…'} onChange={(v) => set('organisationId', v)} />
          <LineSelect id={idOf('line')} label={LABELS.line} hint="Ligne du catalogue du fournisseur" catalogue={catalogue.data} value={draft.line} error={errors.line} onChange={(v) => set('line', v)} />
          <TextField id={idOf('workedOn')} label={LABELS.workedOn} type="date" required max={today} value={draft.workedOn} error={errors.workedOn} onChange={(e) => set('workedOn', e.target.value)} />
          <TextField id={idOf('duration')} label={LABELS.duration} hint="En heures et minutes : 1:30, 1h30, 1,5 ou 90 min" required inputMode="text" autoComplete="off" value={draft.duration} error={errors.duration} onChange={(e) => set('duration', e.target.value)} />
          <TextField id={idOf('person')} label={LABELS.person} required autoComplete="off" value={draft.person} error={errors.person} onChange={(e) => set('person', e.target.value)} />
          <TextField id={idOf('reference')} label={LABELS.reference} hint="Facultatif : n° de ticket de l'outil de suivi" value={draft.reference} error={errors.reference} onChange={(e) => set('reference', e.target.value)} />
        </div>
        <CheckboxField id={idOf('travelIncluded')} label={LABELS.travelIncluded} hint="Le temps de trajet est compté dans la durée" checked={draft.travelIncluded} error={errors.travelIncluded} onChange={(v) => set('travelIncluded', v)} />
        <TextAreaField id={idOf('description')} label={LABELS.description} hint="Facultatif : l'objet de l'intervention" rows={3} value={draft.description} error={errors.description} onChange={(e) => set('description', e.target.value)} />
        <FormActions busy={busy} label="Enregistrer le temps" />
      </form>
    </>
  );
}
