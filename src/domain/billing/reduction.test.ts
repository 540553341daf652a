import { describe, expect, it } from 'vitest';
import { cents } from '../money.ts';
import { billLine, billTotals, vatSplit } from './bill-line.ts';
import { reducedByPosition, reductionLines, type ReducedTitle } from './reduction.ts';

// Seed 002 art. 4: 2 h 20 of support at 50 € incl. VAT per hour (116,67 €); seed 004: mailboxes at a price excl. VAT + 20 %.
const hours = billLine({ line: 'accompagnement', optionsKey: '', label: 'Accompagnement', quantity: { numerator: 140, denominator: 60 }, quantityText: '2 h 20', unitPrice: cents(5000), vat: { mode: 'incl', rateBasisPoints: 2000 }, basis: 'temps passé', sources: [] });
const mailboxes = billLine({ line: 'messagerie', optionsKey: '', label: 'Messagerie', quantity: { numerator: 1080, denominator: 1 }, quantityText: '1 080 boîtes × mois', unitPrice: cents(1500), vat: { mode: 'excl', rateBasisPoints: 2000 }, basis: 'relevés', sources: [] });
const deduction = billLine({ line: 'titre-previsionnel', optionsKey: '', label: 'Déduction', quantity: { numerator: -1, denominator: 1 }, quantityText: '−1', unitPrice: cents(1000), vat: { mode: 'not_subject' }, basis: '', sources: [] });

const title = (overrides: Partial<ReducedTitle> = {}): ReducedTitle => {
  const lines = [hours, mailboxes, deduction];
  return { id: 't1', number: 'T2026-00007', issuedOn: '2026-07-01', lines, outstandingCents: billTotals(lines).incl, reducedByPosition: new Map(), ...overrides };
};

describe('a partial reduction of a title', () => {
  it('takes an hour off seed 002’s support at its price incl. VAT, the VAT taken out of it', () => {
    const result = reductionLines(title(), [{ position: 0, amount: cents(5000) }], 'une heure comptée deux fois');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [reduced, reason] = result.lines;
    expect(reduced).toMatchObject({ label: 'Réduction — Accompagnement', amount: 5000, vat: { mode: 'incl', rateBasisPoints: 2000 }, sources: [{ kind: 'title_line', titleId: 't1', number: 'T2026-00007', position: 0 }] });
    // 50,00 € incl. VAT = 41,67 € + 8,33 € VAT, as the title computed its own.
    expect(vatSplit(reduced!.amount, reduced!.vat)).toEqual({ excl: 4167, vat: 833, incl: 5000 });
    expect(reason).toMatchObject({ label: 'Motif : une heure comptée deux fois', amount: 0 });
    expect(billTotals(result.lines).incl).toBe(5000);
  });

  it('takes mailboxes off at their price excl. VAT, VAT added as on the title', () => {
    const result = reductionLines(title(), [{ position: 1, amount: cents(15000) }], '10 boîtes fermées en janvier');
    expect(result.ok && billTotals(result.lines)).toEqual({ excl: 15000, vat: 3000, incl: 18000 });
  });

  it('refuses what no line carries, a line twice, a negative line, nothing to take off', () => {
    const check = (request: { position: number; amount: number }[]) => {
      const result = reductionLines(title(), request.map((r) => ({ position: r.position, amount: cents(r.amount) })), 'motif');
      return result.ok ? [] : result.issues;
    };
    expect(check([])).toEqual([{ path: 'lines', message: 'indiquez au moins une ligne à réduire' }]);
    expect(check([{ position: 5, amount: 100 }])).toEqual([{ path: 'lines.0.position', message: "le titre n° T2026-00007 n'a pas de ligne 6" }]);
    expect(check([{ position: 0, amount: 100 }, { position: 0, amount: 100 }])).toEqual([{ path: 'lines.1.position', message: 'la ligne 1 est demandée deux fois' }]);
    expect(check([{ position: 2, amount: 100 }])).toEqual([{ path: 'lines.0.position', message: 'la ligne 3 (Déduction) ne porte pas de montant à réduire' }]);
    expect(check([{ position: 1, amount: 0 }])).toEqual([{ path: 'lines.0.amount', message: 'le montant à retirer doit être positif' }]);
  });

  it('never takes a line below zero, earlier reductions counted', () => {
    const earlier = reductionLines(title(), [{ position: 1, amount: cents(1_600_000) }], 'première réduction');
    expect(earlier.ok).toBe(true);
    const reduced = reducedByPosition('t1', [earlier.ok ? earlier.lines : []]);
    expect(reduced).toEqual(new Map([[1, 1_600_000]]));
    const again = reductionLines(title({ reducedByPosition: reduced }), [{ position: 1, amount: cents(20_001) }], 'seconde');
    expect(again).toEqual({ ok: false, issues: [{ path: 'lines.0.amount', message: 'la ligne 2 (Messagerie) ne peut être réduite que de 200,00\u00a0€ au plus' }] });
    expect(reductionLines(title({ reducedByPosition: reduced }), [{ position: 1, amount: cents(20_000) }], 'seconde').ok).toBe(true);
  });

  it('does not reduce beyond what is still owed: what was paid goes back by a payment order', () => {
    const result = reductionLines(title({ outstandingCents: 4999 }), [{ position: 0, amount: cents(5000) }], 'motif');
    expect(result).toEqual({ ok: false, issues: [{ path: 'lines', message: 'la réduction (50,00\u00a0€ TTC) dépasse ce qui reste dû sur le titre (49,99\u00a0€) : ce qui a été payé se reverse par mandat' }] });
  });
});
