import { civilDate } from '../civil-date.ts';
import { parseEuros } from '../money.ts';
import type { Catalogue } from './catalogue.ts';
import type { SharedChargeRule } from './shared-charge.ts';
import type { PriceEntry, TariffGrid } from './tariff-grid.ts';

/**
 * Seed 004 (CALL – Lens) as test data: the catalogue of annexes 1–2 and EVERY price of annex 5
 * ("Grille tarifaire des coûts, mise à jour en date du 01 octobre 2023"), monthly and annual as printed.
 */
export const SEED_004_ANNEX_5: [line: string, options: Record<string, string>, monthly: string, annual: string][] = [
  ['socle-reseau', {}, '7.00', '84.00'],
  ['postes-n1', {}, '17.00', '204.00'],
  ['postes-n2', {}, '11.00', '132.00'],
  ['messagerie', { niveau: 'basique', stockage: '10' }, '6.50', '78.00'],
  ['messagerie', { niveau: 'basique', stockage: '25' }, '7.80', '93.60'],
  ['messagerie', { niveau: 'basique', stockage: '50' }, '8.00', '96.00'],
  ['messagerie', { niveau: 'pro', stockage: '10' }, '7.50', '90.00'],
  ['messagerie', { niveau: 'pro', stockage: '25' }, '8.80', '105.60'],
  ['messagerie', { niveau: 'pro', stockage: '50' }, '10.00', '120.00'],
  ['messagerie', { niveau: 'premium', stockage: '10' }, '9.50', '114.00'],
  ['messagerie', { niveau: 'premium', stockage: '25' }, '10.60', '127.20'],
  ['messagerie', { niveau: 'premium', stockage: '50' }, '11.80', '141.60'],
  ['hebergement-n1', {}, '12.00', '144.00'],
  ['administration-n2', {}, '4.00', '48.00'],
];

export const SEED_004_CATALOGUE: Catalogue = {
  categories: [
    { code: 'socle', name: "Socle d'adhésion et connexion au réseau communautaire" },
    { code: 'postes', name: 'Catégorie 1 : postes de travail et assistance utilisateurs' },
    { code: 'messagerie', name: 'Catégorie 2 : messagerie collaborative' },
    { code: 'hebergement', name: 'Catégorie 3 : hébergement et/ou administration des logiciels et données' },
    { code: 'conseil', name: 'Conseil et expertise' },
  ],
  lines: [
    { code: 'socle-reseau', categoryCode: 'socle', name: "Adhésion au socle + connexion au réseau", kind: 'continuous', unit: 'workstation', status: 'active', options: [] },
    { code: 'postes-n1', categoryCode: 'postes', name: 'Niveau 1 : gestion des postes de travail', kind: 'continuous', unit: 'workstation', status: 'active', options: [] },
    { code: 'postes-n2', categoryCode: 'postes', name: "Niveau 2 : guichet d'accueil, support et assistance", kind: 'continuous', unit: 'workstation', status: 'active', options: [], additiveTo: 'postes-n1' },
    {
      code: 'messagerie',
      categoryCode: 'messagerie',
      name: 'Messagerie collaborative',
      kind: 'continuous',
      unit: 'mailbox',
      status: 'active',
      options: [
        { code: 'niveau', label: 'Niveau de service', values: [{ code: 'basique', label: 'Basique' }, { code: 'pro', label: 'Professionnelle' }, { code: 'premium', label: 'Premium' }] },
        { code: 'stockage', label: 'Stockage', values: [{ code: '10', label: '10 Go' }, { code: '25', label: '25 Go' }, { code: '50', label: '50 Go' }] },
      ],
    },
    { code: 'hebergement-n1', categoryCode: 'hebergement', name: 'Niveau 1 : hébergement seul (IaaS)', kind: 'continuous', unit: 'workstation', status: 'active', options: [] },
    { code: 'administration-n2', categoryCode: 'hebergement', name: 'Niveau 2 : administration technique (SaaS)', kind: 'continuous', unit: 'workstation', status: 'active', options: [], additiveTo: 'hebergement-n1' },
    { code: 'conseil', categoryCode: 'conseil', name: 'Conseil et expertise', kind: 'on_quote', unit: 'day', status: 'active', options: [] },
  ],
  dependencies: [
    { from: { category: 'postes' }, requires: { category: 'socle' } },
    { from: { category: 'messagerie' }, requires: { category: 'socle' } },
    { from: { category: 'hebergement' }, requires: { category: 'socle' } },
    { from: { category: 'conseil' }, requires: { category: 'socle' } },
    { from: { line: 'postes-n2' }, requires: { line: 'postes-n1' } },
    { from: { line: 'administration-n2' }, requires: { line: 'hebergement-n1' } },
  ],
};

export const SEED_004_SHARED_BASE: SharedChargeRule = { chargeLine: 'socle-reseau', triggeredBy: ['postes-n1', 'hebergement-n1'] };

function entry([line, options, monthly, annual]: (typeof SEED_004_ANNEX_5)[number]): PriceEntry {
  return { line, options, monthly: parseEuros(monthly), annual: parseEuros(annual), vat: { mode: 'not_subject' } };
}

export const SEED_004_GRID_2023: TariffGrid = {
  code: 'annexe-5-2023-10',
  label: 'Annexe 5 – mise à jour du 1er octobre 2023',
  effectiveFrom: civilDate(2023, 10, 1),
  prices: SEED_004_ANNEX_5.map(entry).map((p) =>
    // Annex 7 prints 93.00 for the basic 25 GB box that annex 5 prices at 93.60: kept as stated, to surface.
    p.line === 'messagerie' && p.options.niveau === 'basique' && p.options.stockage === '25'
      ? { ...p, statedElsewhere: [{ document: 'Annexe 7 (demande de souscription)', annual: parseEuros('93.00') }] }
      : p,
  ),
};
