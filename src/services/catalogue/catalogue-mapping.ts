import type { CatalogueDocument, GridInput } from '../../contracts/catalogue.ts';
import type { Catalogue, LineKind, LineStatus, OptionDimension, Unit } from '../../domain/catalogue/catalogue.ts';
import { optionsKey, type PriceEntry, type TariffGrid, type VatTreatment } from '../../domain/catalogue/tariff-grid.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { cents, parseEuros, toDecimalString, type Cents } from '../../domain/money.ts';
import type { CatalogueRows, GridRow, PriceRow } from '../../repositories/catalogue-repository.ts';

/** Conversions between the wire format (decimal text, codes), the rows, and the domain's values. */

export function documentToDomain(doc: CatalogueDocument): Catalogue {
  return {
    categories: doc.categories.map((c) => ({ code: c.code, name: c.name, description: c.description })),
    lines: doc.lines.map((l) => ({
      code: l.code,
      categoryCode: l.category,
      name: l.name,
      description: l.description,
      kind: l.kind,
      unit: l.unit,
      status: l.status,
      options: l.options,
      additiveTo: l.additiveTo,
    })),
    dependencies: doc.dependencies,
  };
}

export function documentToRows(doc: CatalogueDocument) {
  return {
    categories: doc.categories.map((c, position) => ({ code: c.code, name: c.name, description: c.description ?? null, position })),
    lines: doc.lines.map((l, position) => ({
      categoryCode: l.category,
      code: l.code,
      name: l.name,
      description: l.description ?? null,
      kind: l.kind,
      unit: l.unit,
      status: l.status,
      withdrawalReason: l.withdrawalReason ?? null,
      options: l.options,
      additiveTo: l.additiveTo ?? null,
      deliveredById: l.deliveredBy ?? null,
      subProviderId: l.subProvider ?? null,
      responsibilities: l.responsibilities,
      technicalPrerequisites: l.technicalPrerequisites,
      annexes: l.annexes,
      position,
    })),
    dependencies: doc.dependencies.map((d) => {
      const [fromKind, fromCode] = 'category' in d.from ? ['category', d.from.category] : ['line', d.from.line];
      const [requiresKind, requiresCode] = 'category' in d.requires ? ['category', d.requires.category] : ['line', d.requires.line];
      return { fromKind, fromCode, requiresKind, requiresCode };
    }),
    sharedCharges: doc.sharedCharges.map((s) => ({ chargeLine: s.chargeLine, triggeredBy: s.triggeredBy })),
  };
}

const nodeOf = (kind: string, code: string) => (kind === 'category' ? { category: code } : { line: code });

export function rowsToDocument(rows: CatalogueRows): CatalogueDocument {
  return {
    categories: rows.categories.map((c) => ({ code: c.code, name: c.name, ...(c.description ? { description: c.description } : {}) })),
    lines: rows.lines.map((l) => ({
      code: l.code,
      category: l.categoryCode,
      name: l.name,
      ...(l.description ? { description: l.description } : {}),
      kind: l.kind as LineKind,
      unit: l.unit as Unit,
      status: l.status as LineStatus,
      ...(l.withdrawalReason ? { withdrawalReason: l.withdrawalReason as 'security' | 'other' } : {}),
      options: l.options as OptionDimension[],
      ...(l.additiveTo ? { additiveTo: l.additiveTo } : {}),
      ...(l.deliveredById ? { deliveredBy: l.deliveredById } : {}),
      ...(l.subProviderId ? { subProvider: l.subProviderId } : {}),
      responsibilities: l.responsibilities as { party: string; tasks: string }[],
      technicalPrerequisites: l.technicalPrerequisites,
      annexes: l.annexes,
    })),
    dependencies: rows.dependencies.map((d) => ({ from: nodeOf(d.fromKind, d.fromCode), requires: nodeOf(d.requiresKind, d.requiresCode) })),
    sharedCharges: rows.sharedCharges.map((s) => ({ chargeLine: s.chargeLine, triggeredBy: s.triggeredBy })),
  };
}

/** Percent text ("5.5") to basis points (550). */
function basisPoints(rate: string | undefined): number {
  return rate ? Math.round(parseEuros(rate)) : 0;
}

function vatOf(mode: 'not_subject' | 'excl' | 'incl', rateBasisPoints: number | null | undefined): VatTreatment {
  return mode === 'not_subject' ? { mode } : { mode, rateBasisPoints: rateBasisPoints ?? 0 };
}

const euros = (text: string | undefined): Cents | undefined => (text === undefined ? undefined : parseEuros(text));

export function gridInputToDomain(input: GridInput): TariffGrid {
  return {
    code: input.code,
    label: input.label,
    effectiveFrom: parseCivilDate(input.effectiveFrom),
    deliberation: input.deliberation ? { organ: input.deliberation.organ, number: input.deliberation.number, date: parseCivilDate(input.deliberation.date) } : undefined,
    prices: input.prices.map(
      (p): PriceEntry => ({
        line: p.line,
        options: p.options,
        monthly: euros(p.monthly),
        annual: euros(p.annual),
        perUnit: euros(p.perUnit),
        vat: vatOf(p.vat, basisPoints(p.vatRate)),
        minimumQuantity: p.minimumQuantity,
        statedElsewhere: p.statedElsewhere?.map((s) => ({ document: s.document, monthly: euros(s.monthly), annual: euros(s.annual), perUnit: euros(s.perUnit) })),
      }),
    ),
  };
}

export function gridToRows(grid: TariffGrid) {
  return grid.prices.map((p) => ({
    lineCode: p.line,
    options: p.options,
    optionsKey: optionsKey(p.options),
    monthlyCents: p.monthly ?? null,
    annualCents: p.annual ?? null,
    perUnitCents: p.perUnit ?? null,
    vatMode: p.vat.mode,
    vatRateBasisPoints: p.vat.mode === 'not_subject' ? null : p.vat.rateBasisPoints,
    minimumQuantity: p.minimumQuantity ?? null,
    statedElsewhere: p.statedElsewhere ?? null,
  }));
}

const centsOrUndefined = (value: number | null): Cents | undefined => (value === null ? undefined : cents(Number(value)));

export function gridRowsToDomain(grid: GridRow, prices: PriceRow[]): TariffGrid {
  return {
    code: grid.code,
    label: grid.label,
    effectiveFrom: parseCivilDate(grid.effectiveFrom),
    deliberation: grid.deliberationOrgan && grid.deliberationDate ? { organ: grid.deliberationOrgan, number: grid.deliberationNumber ?? undefined, date: parseCivilDate(grid.deliberationDate) } : undefined,
    prices: prices
      .filter((p) => p.gridId === grid.id)
      .map((p) => ({
        line: p.lineCode,
        options: p.options as Record<string, string>,
        monthly: centsOrUndefined(p.monthlyCents),
        annual: centsOrUndefined(p.annualCents),
        perUnit: centsOrUndefined(p.perUnitCents),
        vat: vatOf(p.vatMode as 'not_subject' | 'excl' | 'incl', p.vatRateBasisPoints),
        minimumQuantity: p.minimumQuantity ?? undefined,
        statedElsewhere: (p.statedElsewhere as PriceEntry['statedElsewhere'] | null) ?? undefined,
      })),
  };
}

export const decimalOrNull = (amount: Cents | undefined): string | null => (amount === undefined ? null : toDecimalString(amount));

/** "Niveau de service : Professionnelle, Stockage : 25 Go" for a price's options. */
export function optionsLabel(catalogue: Catalogue, lineCode: string, options: Record<string, string>): string {
  const line = catalogue.lines.find((l) => l.code === lineCode);
  return Object.entries(options)
    .map(([dim, value]) => {
      const dimension = line?.options.find((d) => d.code === dim);
      return `${dimension?.label ?? dim} : ${dimension?.values.find((v) => v.code === value)?.label ?? value}`;
    })
    .join(', ');
}
