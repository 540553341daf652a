import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { groupInvoiceLines, invoiceTotals, sameInvoice, type RawInvoiceLine } from './operator-invoices.ts';

// Seed 000 art. 1.2: telecom services passed through; art. 1.1: Internet services priced at the budget debate.
const catalogue: Catalogue = {
  categories: [{ code: 'telecoms', name: 'Services télécoms' }, { code: 'internet', name: 'Services Internet' }],
  lines: [
    { code: 'telephonie-mobile', categoryCode: 'telecoms', name: 'Téléphonie mobile', kind: 'pass_through', unit: 'line', status: 'active', options: [] },
    { code: 'communications-sortantes', categoryCode: 'telecoms', name: 'Communications sortantes', kind: 'pass_through', unit: 'line', status: 'active', options: [] },
    { code: 'hotline', categoryCode: 'internet', name: 'Hot Line', kind: 'continuous', unit: 'flat', status: 'active', options: [] },
  ],
  dependencies: [],
};
const row = (over: Partial<RawInvoiceLine> = {}): RawInvoiceLine => ({
  operator: 'Opérateur mobile',
  lot: 'Lot 3',
  number: 'F-2016-0912',
  issuedOn: '05/10/2016',
  periodFrom: '01/09/2016',
  periodTo: '30/09/2016',
  member: '248000747',
  line: 'telephonie-mobile',
  site: '06 00 00 00 01',
  label: 'Forfait voix et données',
  amount: '25,00',
  vat: '5,00',
  row: 2,
  ...over,
});

describe('operator invoice files (seed 000 art. 4.2)', () => {
  it('groups lines into invoices by operator and number', () => {
    const { invoices, errors } = groupInvoiceLines(
      [row(), row({ row: 3, site: '06 00 00 00 02', amount: '1 012,40', vat: '202,48' }), row({ row: 4, number: 'F-2016-0913', line: 'communications-sortantes', amount: '-3,10', vat: '' })],
      catalogue,
    );
    expect(errors).toEqual([]);
    expect(invoices.map((i) => [i.number, i.lines.length, i.issuedOn, i.periodFrom])).toEqual([
      ['F-2016-0912', 2, '2016-10-05', '2016-09-01'],
      ['F-2016-0913', 1, '2016-10-05', '2016-09-01'],
    ]);
    expect(invoiceTotals(invoices[0]!.lines)).toEqual({ amountCents: 103740, vatCents: 20748 });
    // A credit line (avoir) is a negative amount; an empty VAT is zero.
    expect(invoices[1]!.lines[0]).toMatchObject({ amountCents: -310, vatCents: 0 });
  });

  it.each([
    [{ operator: '' }, 'opérateur', 'opérateur manquant'],
    [{ number: ' ' }, 'facture', 'numéro de facture manquant'],
    [{ member: '' }, 'membre', 'adhérent manquant'],
    [{ issuedOn: '2016-13-01' }, 'date de facture', 'date illisible'],
    [{ periodTo: '31/08/2016' }, 'fin de période', 'la période finit (2016-08-31) avant de commencer (2016-09-01)'],
    [{ line: 'fax' }, 'service', 'type de prestation « fax » inconnu du catalogue'],
    [{ line: 'hotline' }, 'service', "« Hot Line » n'est pas une consommation refacturée"],
    [{ amount: '12,345' }, 'montant HT', 'montant « 12,345 » illisible'],
    [{ vat: 'vingt' }, 'TVA', 'TVA « vingt » illisible'],
  ])('refuses a row with %o', (over, column, message) => {
    const { invoices, errors } = groupInvoiceLines([row(over)], catalogue);
    expect(invoices).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ row: 2, column, message: expect.stringContaining(message) })]);
  });

  it('refuses a line whose header disagrees with the invoice it continues', () => {
    const { errors } = groupInvoiceLines([row(), row({ row: 3, issuedOn: '06/10/2016' })], catalogue);
    expect(errors).toEqual([{ row: 3, column: 'date de facture', message: 'la facture F-2016-0912 de Opérateur mobile a « 2016-10-05 » à la ligne 2 et « 2016-10-06 » ici' }]);
  });

  it('knows an invoice already stored from a different one under the same number', () => {
    const { invoices } = groupInvoiceLines([row()], catalogue);
    const draft = invoices[0]!;
    const stored = { marketLot: 'Lot 3', issuedOn: '2016-10-05', periodFrom: '2016-09-01', periodTo: '2016-09-30', lines: [{ organisationId: 'cc', line: 'telephonie-mobile', site: '06 00 00 00 01', label: 'Forfait voix et données', amountCents: 2500, vatCents: 500 }] };
    expect(sameInvoice(draft, () => 'cc', stored)).toBe(true);
    expect(sameInvoice(draft, () => 'cc', { ...stored, lines: [{ ...stored.lines[0]!, amountCents: 2600 }] })).toBe(false);
    expect(sameInvoice(draft, () => 'ot', stored)).toBe(false);
  });
});
