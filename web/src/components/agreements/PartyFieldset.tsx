import { OrganisationPicker } from '../OrganisationPicker.tsx';
import { SelectField, TextField } from '../forms.tsx';
import { agreementFieldId, PARTY_LABELS, type PartyDraft } from '../../lib/agreement-draft.ts';
import { PARTY_ROLES, PARTY_ROLE_VALUES } from '../../shared.ts';

/** One party of the agreement: the organisation, its role, its signatory and the deliberation that empowers it. */
export function PartyFieldset({
  index,
  party,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  party: PartyDraft;
  errors: Record<string, string>;
  onChange(party: PartyDraft): void;
  onRemove: (() => void) | null;
}) {
  const key = (field: keyof typeof PARTY_LABELS) => `parties.${index}.${field}`;
  const id = (field: keyof typeof PARTY_LABELS) => agreementFieldId(key(field));
  const text = (field: 'signatoryName' | 'signatoryTitle' | 'organ' | 'number' | 'deliberationDate' | 'signedOn', type = 'text') => (
    <TextField id={id(field)} label={PARTY_LABELS[field]} type={type} value={party[field]} error={errors[key(field)]} onChange={(e) => onChange({ ...party, [field]: e.target.value })} />
  );
  return (
    <fieldset className="panel fieldset-panel party-fieldset">
      <legend>
        Partie {index + 1}
        {party.organisationName ? ` : ${party.organisationName}` : ''}
      </legend>
      <div className="form-grid">
        <div className="span-2">
          <OrganisationPicker
            id={id('organisationId')}
            searchId={`${id('organisationId')}-recherche`}
            label={PARTY_LABELS.organisationId}
            searchLabel="Rechercher l'organisation"
            context={`pour la partie ${index + 1}`}
            value={party.organisationId}
            current={party.organisationId ? { id: party.organisationId, name: party.organisationName } : null}
            error={errors[key('organisationId')]}
            onChange={(organisationId, organisationName) => onChange({ ...party, organisationId, organisationName })}
          />
        </div>
        <SelectField id={id('role')} label={PARTY_LABELS.role} required value={party.role} error={errors[key('role')]} onChange={(e) => onChange({ ...party, role: e.target.value as PartyDraft['role'] })}>
          {PARTY_ROLE_VALUES.map((role) => (
            <option key={role} value={role}>
              {PARTY_ROLES[role]}
            </option>
          ))}
        </SelectField>
        {text('signedOn', 'date')}
        {text('signatoryName')}
        {text('signatoryTitle')}
        {text('organ')}
        {text('number')}
        {text('deliberationDate', 'date')}
      </div>
      {onRemove ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={onRemove}>
          Retirer la partie {index + 1}
          {party.organisationName ? <span className="sr-only"> ({party.organisationName})</span> : null}
        </button>
      ) : null}
    </fieldset>
  );
}
