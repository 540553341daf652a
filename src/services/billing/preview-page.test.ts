import { describe, expect, it } from 'vitest';
import { billLine } from '../../domain/billing/bill-line.ts';
import { cents } from '../../domain/money.ts';
import type { ComputedDocument } from './run-compute.ts';
import { PreviewPage } from './preview-page.ts';

const doc = (organisationName: string, document: ComputedDocument['document'], amount: number, issues = 0): ComputedDocument => ({
  organisationId: organisationName,
  organisationName,
  document,
  refersTo: null,
  lines: amount ? [billLine({ line: 'l', optionsKey: '', label: 'l', quantity: { numerator: 1, denominator: 1 }, quantityText: '1', unitPrice: cents(amount), vat: { mode: 'excl', rateBasisPoints: 2000 }, basis: '', sources: [] })] : [],
  issues: Array.from({ length: issues }, () => ({ line: 'l', message: 'sans prix' })),
});

const RUN = [doc('Lens', 'title', 10_000), doc('Liévin', 'title', 5_000, 1), doc('Loos-en-Gohelle', 'none', 0), doc('Éleu-dit-Leauwette', 'reduction', -2_500), doc('Avion', 'payment_order', 1_000)];

describe('a page of a preview', () => {
  it('counts the whole run whatever the page shows', () => {
    const page = new PreviewPage({ offset: 1, limit: 2 });
    for (const d of RUN) page.add(d);
    expect(page.documents.map((d) => d.organisationName)).toEqual(['Liévin', 'Loos-en-Gohelle']);
    expect([page.members, page.matching]).toEqual([5, 5]);
    // 100 € + 20 % VAT, 50 € + VAT; a reduction counted as what it takes off; payment orders apart.
    expect(page.totals).toEqual({ titles: 2, titlesCents: 18_000, reductions: 1, reductionsCents: 3_000, paymentOrders: 1, paymentOrdersCents: 1_200, issues: 1 });
  });

  it('finds members by name without accents or case, then pages through them', () => {
    const page = new PreviewPage({ offset: 0, limit: 10, member: 'eleu' });
    for (const d of RUN) page.add(d);
    expect(page.documents.map((d) => d.organisationName)).toEqual(['Éleu-dit-Leauwette']);
    expect([page.members, page.matching]).toEqual([5, 1]);
    const all = new PreviewPage({ offset: 0 });
    for (const d of RUN) all.add(d);
    expect(all.documents).toHaveLength(5);
  });
});
