import { describe, expect, it } from 'vitest';
import { cents } from '../money.ts';
import { annualSummary, type SummaryDocument } from './annual-summary.ts';
import { billLine, type BillLine } from './bill-line.ts';

const line = (code: string, label: string, amount: number, vat: BillLine['vat'] = { mode: 'not_subject' }): BillLine =>
  billLine({ line: code, optionsKey: '', label, quantity: { numerator: 1, denominator: 1 }, quantityText: '1', unitPrice: cents(amount), vat, basis: '', sources: [] });
const doc = (id: string, kind: SummaryDocument['kind'], amount: number, lines: BillLine[], extra: Partial<SummaryDocument> = {}): SummaryDocument => ({ id, refersTo: null, kind, amountInclCents: amount, paidCents: 0, outstandingCents: kind === 'title' ? amount : 0, lines, ...extra });

describe('a member’s year', () => {
  it('sums seed 004’s titles by service line, net of a partial reduction, with what was paid', () => {
    const summary = annualSummary([
      doc('h1', 'title', 20_460_00, [line('messagerie', 'Messagerie', 7_020_00), line('poste', 'Poste de travail', 13_440_00)], { paidCents: 10_000_00, outstandingCents: 10_360_00 }),
      doc('r1', 'reduction', 100_00, [line('messagerie', 'Réduction — Messagerie', 100_00), line('motif', 'Motif : 10 boîtes fermées', 0)], { refersTo: 'h1' }),
      doc('h2', 'title', 48_604_90, [line('poste', 'Poste de travail', 28_000_00), line('messagerie', 'Messagerie', 20_604_90)]),
    ]);
    expect(summary.lines.map((l) => [l.line, l.label, l.inclCents])).toEqual([
      ['poste', 'Poste de travail', 41_440_00],
      ['messagerie', 'Messagerie', 27_524_90],
    ]);
    expect(summary).toMatchObject({ billedCents: 69_064_90, reducedCents: 100_00, netCents: 68_964_90, paidCents: 10_000_00, outstandingCents: 58_964_90, paidBackCents: 0 });
    expect(summary.lines.reduce((sum, l) => sum + l.inclCents, 0)).toBe(summary.netCents);
  });

  it('counts seed 000’s quarter on its actuals once trued up, and the penalties paid back apart', () => {
    // Q4: provisional title on the forecast + 5 % (3 150,00 €), then a true-up on actuals 1 832,59 € issued as a reduction of 1 317,41 €.
    const provisional = doc('p4', 'title', 3_150_00, [line('telephonie-mobile', 'Téléphonie mobile (prévision)', 3_000_00), line('frais-de-gestion', 'Frais de gestion', 150_00)]);
    const trueUp = doc('t4', 'reduction', 1_317_41, [line('telephonie-mobile', 'Téléphonie mobile', 1_745_32), line('frais-de-gestion', 'Frais de gestion', 87_27), line('titre-previsionnel', 'Déduction du titre prévisionnel n° T2016-00001', -3_150_00)], { refersTo: 'p4' });
    const penalties = doc('m1', 'payment_order', 150_00, [line('penalites', 'Pénalités', 150_00)]);
    const summary = annualSummary([provisional, trueUp, penalties]);
    expect(summary.lines.map((l) => [l.line, l.inclCents])).toEqual([
      ['telephonie-mobile', 1_745_32],
      ['frais-de-gestion', 87_27],
    ]);
    expect(summary).toMatchObject({ billedCents: 3_150_00, reducedCents: 1_317_41, netCents: 1_832_59, paidBackCents: 150_00 });
    expect(summary.lines.reduce((sum, l) => sum + l.inclCents, 0)).toBe(summary.netCents);
  });

  it('leaves a cancelled title at nothing, and splits VAT as each line did', () => {
    const vat = { mode: 'excl', rateBasisPoints: 2000 } as const;
    const title = doc('x', 'title', 120_00, [line('stockage', 'Stockage', 100_00, vat)]);
    const cancellation = doc('c', 'cancellation', 120_00, [line('stockage', 'Stockage', 100_00, vat), line('motif', 'Motif : erreur', 0)], { refersTo: 'x' });
    expect(annualSummary([title]).lines).toEqual([{ line: 'stockage', label: 'Stockage', exclCents: 100_00, vatCents: 20_00, inclCents: 120_00 }]);
    expect(annualSummary([title, cancellation])).toMatchObject({ lines: [], netCents: 0 });
  });
});
