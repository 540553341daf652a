import { parseEuros } from '../money.ts';
import type { Budget, OperatingCharge, StaffCost } from './budget.ts';

/**
 * ILLUSTRATIVE budget of the seed 004 shared service (DMSI of the CALL). Seed 004 gives no budget figures:
 * these amounts are made up so that, with the forecast units below, the unit costs fall exactly on the
 * prices of annex 5 (84, 204, 132, 144 and 48 € a year; the mailbox prices as printed). They show the
 * method, not the CALL's accounts. Management and administrative staff and the premises stay with the
 * CALL (art. 9.2.1); the servers' and network core's depreciation enters the operating costs.
 */
const e = parseEuros;

const staff: StaffCost[] = [
  { id: 'adm-reseau', label: 'Administrateur réseau', role: 'technical', forecast: e('52000'), actual: e('53100'), shares: [{ line: 'socle-reseau', basisPoints: 6000 }, { line: 'hebergement-n1', basisPoints: 4000 }] },
  { id: 'tech-prox-1', label: 'Technicien de proximité 1', role: 'technical', forecast: e('44000'), actual: e('44000'), shares: [{ line: 'postes-n1', basisPoints: 10000 }] },
  { id: 'tech-prox-2', label: 'Technicien de proximité 2', role: 'technical', forecast: e('44000'), actual: e('44500'), shares: [{ line: 'postes-n1', basisPoints: 5000 }, { line: 'postes-n2', basisPoints: 5000 }] },
  { id: 'tech-prox-3', label: 'Technicien de proximité 3', role: 'technical', forecast: e('46000'), actual: e('45200'), shares: [{ line: 'postes-n1', basisPoints: 10000 }] },
  { id: 'support', label: "Technicien du guichet d'assistance", role: 'technical', forecast: e('40000'), actual: e('40000'), shares: [{ line: 'postes-n2', basisPoints: 10000 }] },
  // 20 % of the systems administrator's time goes to the CALL's own systems: it stays with the CALL.
  { id: 'adm-sys', label: 'Administrateur systèmes', role: 'technical', forecast: e('50000'), actual: e('51000'), shares: [{ line: 'hebergement-n1', basisPoints: 3000 }, { line: 'administration-n2', basisPoints: 2000 }, { line: 'messagerie', basisPoints: 3000 }] },
  { id: 'resp-dmsi', label: 'Responsable de la DMSI', role: 'management', forecast: e('70000'), actual: e('70000'), shares: [] },
  { id: 'assistante', label: 'Assistante administrative', role: 'administrative', forecast: e('36000'), actual: e('36000'), shares: [] },
];

const charges: OperatingCharge[] = [
  { id: 'locaux', label: 'Locaux et logistique de la DMSI', nature: 'other', forecast: e('25000'), actual: e('25800'), target: { kind: 'provider' } },
  { id: 'flux-reseau', label: 'Liaisons du réseau communautaire', nature: 'flows', forecast: e('30000'), actual: e('31000'), target: { kind: 'line', line: 'socle-reseau' } },
  { id: 'maintenance-reseau', label: 'Contrat de maintenance des équipements réseau', nature: 'renewal', forecast: e('12800'), actual: e('12800'), target: { kind: 'line', line: 'socle-reseau' } },
  { id: 'licences-parc', label: 'Licences de gestion de parc et antivirus', nature: 'licences', forecast: e('38000'), actual: e('39500'), target: { kind: 'line', line: 'postes-n1' } },
  { id: 'fournitures', label: 'Fournitures et petites pièces', nature: 'supplies', forecast: e('13200'), actual: e('11900'), target: { kind: 'line', line: 'postes-n1' } },
  { id: 'licences-tickets', label: "Licences de l'outil de tickets", nature: 'licences', forecast: e('17200'), actual: e('17200'), target: { kind: 'line', line: 'postes-n2' } },
  { id: 'licences-messagerie', label: 'Licences de la messagerie collaborative', nature: 'licences', forecast: e('37440'), actual: e('38200'), target: { kind: 'line', line: 'messagerie' } },
  { id: 'licences-sauvegarde', label: 'Licences de sauvegarde', nature: 'licences', forecast: e('9200'), actual: e('9200'), target: { kind: 'line', line: 'hebergement-n1' } },
  { id: 'support-logiciels', label: 'Contrats de support des logiciels hébergés', nature: 'renewal', forecast: e('4400'), actual: e('4600'), target: { kind: 'line', line: 'administration-n2' } },
];

export const SEED_004_ILLUSTRATIVE_BUDGET: Budget = {
  fiscalYear: 2027,
  staff,
  charges,
  investments: [
    { id: 'serveurs-2023', label: 'Serveurs et baie de stockage', amount: e('180000'), firstYear: 2023, years: 5, target: { kind: 'key', key: 'stockage' } },
    { id: 'coeur-reseau-2025', label: 'Cœur de réseau', amount: e('60000'), firstYear: 2025, years: 6, target: { kind: 'line', line: 'socle-reseau' } },
  ],
  keys: [{ code: 'stockage', label: 'Volume stocké (Go)', basis: 'storage_gb', weights: [{ line: 'hebergement-n1', weight: 30000 }, { line: 'messagerie', weight: 10000 }] }],
  forecastUnits: [
    { line: 'socle-reseau', options: {}, units: 1000 },
    { line: 'postes-n1', options: {}, units: 800 },
    { line: 'postes-n2', options: {}, units: 600 },
    { line: 'messagerie', options: { niveau: 'basique', stockage: '10' }, units: 200 },
    { line: 'messagerie', options: { niveau: 'pro', stockage: '25' }, units: 300 },
    { line: 'messagerie', options: { niveau: 'premium', stockage: '50' }, units: 100 },
    { line: 'hebergement-n1', options: {}, units: 500 },
    { line: 'administration-n2', options: {}, units: 300 },
  ],
};
