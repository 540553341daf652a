import { RadioGroup, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { REFUSAL_REASON_VALUES, type LineAction } from '../../lib/subscriptions.ts';
import { REFUSAL_REASONS } from '../../shared.ts';

export interface DecisionDraft {
  on: string;
  reason: string;
  plannedFrom: string;
  plannedUntil: string;
  openingRecord: string;
  openedOn: string;
  quantity: string;
  effectiveFrom: string;
  note: string;
}

export const DECISION_LABELS: Record<keyof DecisionDraft, string> = {
  on: 'Date de la décision',
  reason: 'Motif du refus',
  plannedFrom: 'Période envisagée : début',
  plannedUntil: 'Période envisagée : fin',
  openingRecord: 'Référence du procès-verbal',
  openedOn: "Date d'ouverture",
  quantity: 'Nouveau volume',
  effectiveFrom: 'À partir du',
  note: 'Note',
};

/** The fields an action needs: its date, the refusal's reason, the planned period, the opening record, the volume. */
export function fieldsOf(action: LineAction): (keyof DecisionDraft)[] {
  switch (action) {
    case 'refuse':
      return ['on', 'reason', 'note'];
    case 'postpone':
      return ['on', 'plannedFrom', 'plannedUntil', 'note'];
    case 'open':
      return ['openingRecord', 'openedOn', 'note'];
    case 'quantity':
      return ['quantity', 'effectiveFrom'];
    default:
      return ['on', 'note'];
  }
}

const HINTS: Partial<Record<keyof DecisionDraft, string>> = {
  openingRecord: 'Ex. PV-LENS-2026-04 (annexe 8)',
  openedOn: 'La ligne est rendue et facturée à partir de cette date',
  quantity: 'Nombre entier (postes, boîtes aux lettres…)',
  note: 'Facultatif : comité, motif détaillé…',
};

export function LineDecisionFields({
  action,
  draft,
  errors,
  idOf,
  onChange,
}: {
  action: LineAction;
  draft: DecisionDraft;
  errors: FieldErrors;
  idOf(field: string): string;
  onChange(draft: DecisionDraft): void;
}) {
  const fields = fieldsOf(action);
  const set = (field: keyof DecisionDraft) => (value: string) => onChange({ ...draft, [field]: value });
  return (
    <div className="form-grid">
      {fields.map((field) => {
        if (field === 'reason') {
          return (
            <RadioGroup
              key={field}
              id={idOf(field)}
              legend={DECISION_LABELS.reason}
              required
              value={draft.reason}
              error={errors.reason}
              onChange={set('reason')}
              options={REFUSAL_REASON_VALUES.map((value) => ({ value, label: REFUSAL_REASONS[value] }))}
            />
          );
        }
        if (field === 'note') {
          return <TextAreaField key={field} id={idOf(field)} label={DECISION_LABELS.note} hint={HINTS.note} rows={2} value={draft.note} error={errors.note} onChange={(e) => set('note')(e.target.value)} />;
        }
        const date = field !== 'openingRecord' && field !== 'quantity';
        return (
          <TextField
            key={field}
            id={idOf(field)}
            label={DECISION_LABELS[field]}
            hint={HINTS[field]}
            type={date ? 'date' : 'text'}
            required
            autoComplete="off"
            inputMode={field === 'quantity' ? 'numeric' : undefined}
            value={draft[field]}
            error={errors[field]}
            onChange={(e) => set(field)(e.target.value)}
          />
        );
      })}
    </div>
  );
}
