import { SEED_004_ANNEX_5, SEED_004_CATALOGUE, SEED_004_SHARED_BASE } from '../../src/domain/catalogue/seed-004.fixture.ts';

/** The seed 004 test catalogue and annex 5 grid, in the API's wire format. */
export const SEED_004_DOCUMENT = {
  categories: SEED_004_CATALOGUE.categories,
  lines: SEED_004_CATALOGUE.lines.map(({ categoryCode, additiveTo, ...line }) => ({ ...line, category: categoryCode, ...(additiveTo ? { additiveTo } : {}) })),
  dependencies: SEED_004_CATALOGUE.dependencies,
  sharedCharges: [SEED_004_SHARED_BASE],
};

export const SEED_004_GRID_INPUT = {
  code: 'annexe-5-2023-10',
  label: 'Annexe 5 – mise à jour du 1er octobre 2023',
  effectiveFrom: '2023-10-01',
  prices: SEED_004_ANNEX_5.map(([line, options, monthly, annual]) => ({
    line,
    options,
    monthly,
    annual,
    vat: 'not_subject' as const,
    ...(line === 'messagerie' && options.niveau === 'basique' && options.stockage === '25' ? { statedElsewhere: [{ document: 'Annexe 7 (demande de souscription)', annual: '93.00' }] } : {}),
  })),
};
