import { z } from 'zod';
import { cents, formatEurosFr } from '../shared.ts';
import { monthTitle } from './agreements.ts';
import { formatCivilDate, formatInteger } from './format.ts';
import { durationText } from './time-entries.ts';

/**
 * Where a bill line's quantity comes from (the server's `BillSource`, sent as plain records): the monthly
 * snapshots (one record per month in titles issued earlier, or the months and their units side by side), a
 * subscribed line, a time entry, an operator invoice's line, a forecast, a penalty.
 */
const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), month: z.string(), units: z.number() }),
  z.object({ kind: z.literal('snapshots'), year: z.number().int(), months: z.array(z.number().int()), units: z.array(z.number()) }),
  z.object({ kind: z.literal('subscription'), billableFrom: z.string(), billableBefore: z.string().nullable(), quantity: z.number() }),
  z.object({ kind: z.literal('time_entry'), workedOn: z.string(), minutes: z.number().int() }),
  z.object({ kind: z.literal('operator_invoice_line'), invoiceId: z.string(), position: z.number().int(), amountCents: z.number().int() }),
  z.object({ kind: z.literal('forecast'), quarter: z.number().int(), amountCents: z.number().int() }),
  z.object({ kind: z.literal('penalty'), receivedOn: z.string(), amountCents: z.number().int() }),
]);

export interface SourceText {
  text: string;
  /** An operator invoice the line passes through: staff may open it. */
  invoiceId?: string;
}

const amount = (value: number) => formatEurosFr(cents(value));
const ordinal = (n: number) => (n === 1 ? '1er' : `${n}e`);

const snapshotText = (month: string, units: number) => `relevé de ${monthTitle(month).toLowerCase()} : ${formatInteger(units)} ${units > 1 ? 'unités' : 'unité'}`;

/** Each source in words, a line's monthly snapshots one month per item. */
export function sourceTexts(sources: readonly Record<string, unknown>[]): SourceText[] {
  return sources.flatMap((source): SourceText[] => {
    const parsed = sourceSchema.safeParse(source);
    if (parsed.success && parsed.data.kind === 'snapshots') {
      const { year, months, units } = parsed.data;
      return months.map((month, i) => ({ text: snapshotText(`${year}-${String(month).padStart(2, '0')}`, units[i] ?? 0) }));
    }
    return [sourceText(source)];
  });
}

function sourceText(source: Record<string, unknown>): SourceText {
  const parsed = sourceSchema.safeParse(source);
  if (!parsed.success) return { text: `source « ${String(source.kind ?? 'inconnue')} »` };
  const s = parsed.data;
  switch (s.kind) {
    case 'snapshot':
      return { text: snapshotText(s.month, s.units) };
    case 'snapshots':
      return { text: `relevés de ${s.year}` };
    case 'subscription':
      return { text: `ligne souscrite, facturable du ${formatCivilDate(s.billableFrom)}${s.billableBefore ? ` au ${formatCivilDate(s.billableBefore)} exclu` : ''} : volume ${formatInteger(s.quantity)}` };
    case 'time_entry':
      return { text: `intervention du ${formatCivilDate(s.workedOn)} : ${durationText(s.minutes)}` };
    case 'operator_invoice_line':
      return { text: `facture d’opérateur, ligne n° ${s.position + 1} : ${amount(s.amountCents)}`, invoiceId: s.invoiceId };
    case 'forecast':
      return { text: `prévision du ${ordinal(s.quarter)} trimestre : ${amount(s.amountCents)}` };
    case 'penalty':
      return { text: `pénalité reçue le ${formatCivilDate(s.receivedOn)} : ${amount(s.amountCents)}` };
  }
}
