import { departementOfInseeCode } from '../../domain/organisation/identifiers.ts';
import { kindOfEpciType, type OrganisationKind } from '../../domain/organisation/kinds.ts';

/** Shapes of `@etalab/decoupage-administratif` data (communes.json, epci.json). */
export interface ReferenceCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  siren?: string;
  population?: number;
}
export interface ReferenceEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: { code: string; siren?: string }[];
}

export interface TerritoryRow {
  kind: OrganisationKind;
  name: string;
  /** Overseas collectivities' communes (Saint-Pierre, Polynesia…) have no SIREN in the reference data. */
  siren: string | null;
  inseeCode: string | null;
  departement: string | null;
  population: number | null;
  parentSiren: string | null;
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * The current communes (optionally of some départements) and the EPCI they belong to. Communes carry
 * no EPCI code in the reference data, so the parent comes from each EPCI's list of members.
 */
export function territoryRows(communes: readonly ReferenceCommune[], epcis: readonly ReferenceEpci[], departements?: readonly string[]): { epci: TerritoryRow[]; communes: TerritoryRow[] } {
  const wanted = departements?.length ? new Set(departements) : null;
  const current = communes.filter((c) => c.type === 'commune-actuelle' && (!wanted || wanted.has(c.departement ?? departementOfInseeCode(c.code))));
  const parentOf = new Map<string, string>();
  const epciRows: TerritoryRow[] = [];
  const selectedCodes = new Set(current.map((c) => c.code));
  for (const epci of epcis) {
    if (!epci.membres.some((m) => selectedCodes.has(m.code))) continue;
    for (const m of epci.membres) parentOf.set(m.code, epci.code);
    epciRows.push({
      kind: kindOfEpciType(epci.type),
      name: epci.nom,
      siren: epci.code,
      inseeCode: null,
      // An EPCI may straddle départements; it is filed under the one most of its communes are in.
      departement: mostCommon(epci.membres.map((m) => departementOfInseeCode(m.code))),
      population: epci.populationMunicipale ?? null,
      parentSiren: null,
    });
  }
  const communeRows = current.map((c) => ({
    kind: 'commune' as const,
    name: c.nom,
    siren: c.siren ?? null,
    inseeCode: c.code,
    departement: c.departement ?? departementOfInseeCode(c.code),
    population: c.population ?? null,
    parentSiren: parentOf.get(c.code) ?? null,
  }));
  return { epci: epciRows, communes: communeRows };
}
