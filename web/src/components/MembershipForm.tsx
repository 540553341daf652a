import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { MEMBERSHIP_STATUSES, MEMBERSHIP_STATUS_VALUES, membershipUpsertSchema, type Membership, type MembershipStatus, type ProviderSummary } from '../shared.ts';
import { ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from './forms.tsx';
import { errorMessage } from './ui.tsx';
import { useFormErrors } from '../lib/form-errors.ts';

const LABELS = { providerId: 'Fournisseur', status: 'Statut', since: 'Depuis le', until: "Jusqu'au" };
const FIELDS = ['providerId', 'status', 'since', 'until', 'memberId'];
const idOf = (field: string) => `adhesion-${field === 'memberId' ? 'providerId' : field}`;

/** Links the organisation to a provider as prospect, member or former member (PUT: creates or updates). */
export function MembershipForm({
  memberId,
  providers,
  links,
  onSaved,
}: {
  memberId: string;
  /** Providers the account may act for. */
  providers: ProviderSummary[];
  links: Membership[];
  onSaved(saved: Membership): void;
}) {
  const choices = providers.filter((p) => p.id !== memberId);
  const initial = choices.length === 1 ? choices[0]!.id : '';
  const linkOf = (providerId: string) => links.find((l) => l.providerId === providerId);
  const [providerId, setProviderId] = useState(initial);
  const [status, setStatus] = useState<string>(linkOf(initial)?.status ?? 'prospect');
  const [since, setSince] = useState(linkOf(initial)?.since ?? '');
  const [until, setUntil] = useState(linkOf(initial)?.until ?? '');
  const form = useFormErrors();
  const { errors, general, attempt } = form;
  const [busy, setBusy] = useState(false);

  if (choices.length === 0) return null;

  function choose(id: string) {
    setProviderId(id);
    const link = linkOf(id);
    setStatus(link?.status ?? 'prospect');
    setSince(link?.since ?? '');
    setUntil(link?.until ?? '');
  }

  function fail(fields: FieldErrors, messages: string[] = []) {
    if (fields.memberId) {
      fields.providerId ??= fields.memberId;
      delete fields.memberId;
    }
    form.fail(fields, messages);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: FieldErrors = {};
    if (!providerId) fields.providerId = 'choisissez un fournisseur';
    const parsed = membershipUpsertSchema.safeParse({ memberId, status, since: since || null, until: until || null });
    if (!parsed.success) Object.assign(fields, splitIssues(parsed.error.issues, FIELDS).fields);
    if (since && until && until < since) fields.until ??= 'la fin précède le début';
    if (!parsed.success || Object.keys(fields).length) return fail(fields);
    setBusy(true);
    try {
      const saved = await api.providers.setMembership(providerId, parsed.data);
      setBusy(false);
      form.clear();
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, FIELDS);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  return (
    <section className="panel form-panel" aria-labelledby="adhesion-titre">
      <h3 id="adhesion-titre">Lier à un fournisseur</h3>
      <p className="muted">Crée le lien, ou met à jour celui qui existe déjà avec ce fournisseur.</p>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le lien n'a pas été enregistré" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField id={idOf('providerId')} label={LABELS.providerId} required value={providerId} error={errors.providerId} onChange={(e) => choose(e.target.value)}>
            {choices.length > 1 ? <option value="">Choisir…</option> : null}
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.shortName}
                {linkOf(p.id) ? ` (actuellement : ${MEMBERSHIP_STATUSES[linkOf(p.id)!.status].toLowerCase()})` : ''}
              </option>
            ))}
          </SelectField>
          <SelectField id={idOf('status')} label={LABELS.status} required value={status} error={errors.status} onChange={(e) => setStatus(e.target.value as MembershipStatus)}>
            {MEMBERSHIP_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {MEMBERSHIP_STATUSES[s]}
              </option>
            ))}
          </SelectField>
          <TextField id={idOf('since')} label={LABELS.since} type="date" hint="Facultatif" value={since} error={errors.since} onChange={(e) => setSince(e.target.value)} />
          <TextField id={idOf('until')} label={LABELS.until} type="date" hint="Facultatif" value={until} error={errors.until} onChange={(e) => setUntil(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer le lien'}
          </button>
        </div>
      </form>
    </section>
  );
}
