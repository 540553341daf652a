import { cents, formatEurosFr, type Cents } from '../money.ts';
import { billLine, billTotals, reasonLine, type BillLine, type BillSource } from './bill-line.ts';

/** What to take off one line of a title, in the line's own price basis (excl. VAT, or incl. VAT for a price incl. VAT). */
export interface LineReduction {
  position: number;
  amount: Cents;
}

export interface ReducedTitle {
  id: string;
  number: string;
  issuedOn: string;
  lines: readonly BillLine[];
  /** What is still owed on it incl. VAT: its amount less payments and earlier reductions or cancellations. */
  outstandingCents: number;
  /** Earlier reductions by line, from their lines' `title_line` sources. */
  reducedByPosition: ReadonlyMap<number, number>;
}

export type ReductionResult = { ok: true; lines: BillLine[] } | { ok: false; issues: { path: string; message: string }[] };

const euros = (value: number) => formatEurosFr(cents(value));

/**
 * The lines of a partial reduction of a title (DOMAIN.md: a wrong title is reduced by a new numbered document
 * referring to it, never edited): each reduced line repeats the title's line with the amount taken off and the
 * same VAT treatment, so the reduction's VAT follows the title's; the reason is a line of its own. A line is not
 * reduced below zero counting earlier reductions, and the whole not beyond what is still owed — money already
 * paid goes back by a payment order, not by a reduction.
 */
export function reductionLines(title: ReducedTitle, request: readonly LineReduction[], reason: string): ReductionResult {
  const issues: { path: string; message: string }[] = [];
  if (!request.length) issues.push({ path: 'lines', message: 'indiquez au moins une ligne à réduire' });
  const seen = new Set<number>();
  const lines: BillLine[] = [];
  request.forEach((r, i) => {
    const path = `lines.${i}`;
    const line = title.lines[r.position];
    if (!line) return issues.push({ path: `${path}.position`, message: `le titre n° ${title.number} n'a pas de ligne ${r.position + 1}` });
    if (seen.has(r.position)) return issues.push({ path: `${path}.position`, message: `la ligne ${r.position + 1} est demandée deux fois` });
    seen.add(r.position);
    if (line.amount <= 0) return issues.push({ path: `${path}.position`, message: `la ligne ${r.position + 1} (${line.label}) ne porte pas de montant à réduire` });
    if (r.amount <= 0) return issues.push({ path: `${path}.amount`, message: 'le montant à retirer doit être positif' });
    const left = line.amount - (title.reducedByPosition.get(r.position) ?? 0);
    if (r.amount > left) return issues.push({ path: `${path}.amount`, message: `la ligne ${r.position + 1} (${line.label}) ne peut être réduite que de ${euros(left)} au plus` });
    const source: BillSource = { kind: 'title_line', titleId: title.id, number: title.number, position: r.position };
    lines.push(
      billLine({
        line: line.line,
        optionsKey: line.optionsKey,
        label: `Réduction — ${line.label}`,
        quantity: { numerator: 1, denominator: 1 },
        quantityText: '1',
        unitPrice: r.amount,
        vat: line.vat,
        basis: `ligne ${r.position + 1} du titre n° ${title.number} du ${title.issuedOn}`,
        sources: [source],
      }),
    );
  });
  if (issues.length) return { ok: false, issues };
  const total = billTotals(lines).incl;
  if (total > title.outstandingCents) {
    return { ok: false, issues: [{ path: 'lines', message: `la réduction (${euros(total)} TTC) dépasse ce qui reste dû sur le titre (${euros(title.outstandingCents)}) : ce qui a été payé se reverse par mandat` }] };
  }
  lines.push(reasonLine(reason, `réduction du titre n° ${title.number} du ${title.issuedOn}`));
  return { ok: true, lines };
}

/** Earlier reductions of a title's lines, by position, from the `title_line` sources of the reductions' lines. */
export function reducedByPosition(titleId: string, reductions: readonly (readonly BillLine[])[]): Map<number, number> {
  const reduced = new Map<number, number>();
  for (const lines of reductions) {
    for (const l of lines) {
      for (const s of l.sources) if (s.kind === 'title_line' && s.titleId === titleId) reduced.set(s.position, (reduced.get(s.position) ?? 0) + l.amount);
    }
  }
  return reduced;
}
