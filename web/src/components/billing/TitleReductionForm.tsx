import { useRef, useState } from 'react';
import type { TitleDetail } from '../../api/billing.ts';
import { api } from '../../api/endpoints.ts';
import { frenchText } from '../../lib/agreements.ts';
import { euros, normaliseEuros } from '../../lib/catalogue.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { parseEuros } from '../../shared.ts';
import { ErrorSummary, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';

const idOf = (field: string) => `reduction-${field}`;
const lineKey = (position: number) => `ligne-${position}`;

/**
 * A partial reduction of a title (`billing:run`): the reason, and for each line that bears an amount what to take off
 * (« 100,00 », in the line's own price basis, left empty for a line kept whole). The server answers the new numbered
 * reduction; its refusals name the request's lines by their rank in the request (`lines.N.amount`), put back here on
 * the line's field — a line would go below zero counting earlier reductions, or the whole beyond what is still owed.
 */
export function TitleReductionForm({ title, onReduced }: { title: TitleDetail; onReduced(reduction: TitleDetail): void }) {
  const reducible = title.lines.map((line, position) => ({ line, position })).filter(({ line }) => parseEuros(line.amount) > 0);
  const labels: Record<string, string> = { reason: 'Motif de la réduction' };
  for (const { line, position } of reducible) labels[lineKey(position)] = `Montant à retirer — ligne ${position + 1} : ${line.label}`;
  const [reason, setReason] = useState('');
  const [amounts, setAmounts] = useState<Record<number, string>>({});
  // The positions of the lines last sent, in the order sent: the server's `lines.N` is the N-th of them.
  const sent = useRef<number[]>([]);
  const place = (issues: readonly IssueLike[]) => {
    const fields: FieldErrors = {};
    const general: string[] = [];
    for (const issue of issues) {
      const path = typeof issue.path === 'string' ? issue.path.split('.') : issue.path.map(String);
      const message = frenchText(issue.message);
      const position = path[0] === 'lines' && path[1] !== undefined ? sent.current[Number(path[1])] : undefined;
      if (path[0] === 'reason') fields.reason ??= message;
      else if (position !== undefined) fields[lineKey(position)] ??= message;
      else general.push(message);
    }
    return { fields, general };
  };
  const { errors, general, attempt, fail, clear, busy, handle, send } = useFormSubmit(place);

  const submit = handle(() => {
    const found: FieldErrors = {};
    const lines: { position: number; amount: string }[] = [];
    if (!reason.trim()) found.reason = 'indiquez le motif de la réduction';
    else if (reason.trim().length > 500) found.reason = '500 caractères au plus';
    for (const { line, position } of reducible) {
      const typed = amounts[position]?.trim() ?? '';
      if (!typed) continue;
      const amount = normaliseEuros(typed);
      if (amount === null || amount === '0.00') found[lineKey(position)] = 'un montant positif en euros est attendu, ex. 100,00';
      else if (parseEuros(amount) > parseEuros(line.amount)) found[lineKey(position)] = `plus que le montant de la ligne (${euros(line.amount)})`;
      else lines.push({ position, amount: amount.replace('.', ',') });
    }
    const missing = lines.length === 0 && !Object.keys(found).some((k) => k.startsWith('ligne-'));
    if (Object.keys(found).length || missing) return fail(found, missing ? ['indiquez le montant à retirer d’au moins une ligne'] : []);
    sent.current = lines.map((l) => l.position);
    return send(
      () => api.titles.reduce(title.id, { reason: reason.trim(), lines }),
      (reduction) => {
        clear();
        onReduced(reduction);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={labels} idOf={idOf} general={general} attempt={attempt} title="La réduction n’a pas été émise" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="correction-reduction">
        <TextAreaField id={idOf('reason')} label={labels.reason} hint="Repris sur la réduction ; 500 caractères au plus." required rows={2} value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
        <fieldset className="fieldset">
          <legend className="field-label">Montants à retirer</legend>
          <p className="field-hint">Laissez vide une ligne qui ne change pas. Le montant se retire dans la base de prix de la ligne ; la TVA suit celle du titre.</p>
          <div className="form-grid">
            {reducible.map(({ line, position }) => (
              <TextField
                key={position}
                id={idOf(lineKey(position))}
                label={labels[lineKey(position)]}
                hint={`Montant de la ligne : ${euros(line.amount)}. Ex. 100,00`}
                inputMode="decimal"
                className="field-narrow"
                value={amounts[position] ?? ''}
                error={errors[lineKey(position)]}
                onChange={(e) => setAmounts((a) => ({ ...a, [position]: e.target.value }))}
              />
            ))}
          </div>
        </fieldset>
        <FormActions busy={busy} busyLabel="Émission…" label="Émettre la réduction" />
      </form>
    </>
  );
}
