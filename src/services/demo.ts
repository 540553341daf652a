import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountRole } from '../domain/access/roles.ts';
import { countAccounts } from '../repositories/account-repository.ts';
import { findOrganisationIdByNaturalKey } from '../repositories/organisation-repository.ts';
import { createAccount } from './auth-service.ts';
import { SYSTEM_PRINCIPAL, type Deps } from './context.ts';
import { loadSetupFile } from './setup/setup-service.ts';
import { loadDemoConsumption } from './demo-consumption.ts';
import { loadDemoCosts } from './demo-costs.ts';

export const EXAMPLES_DIR = resolve(fileURLToPath(import.meta.url), '../../../examples');

/** The demo password, printed at start. Demo accounts are for trying the product, never for production. */
export const DEMO_PASSWORD = 'demo-mutualis-2026';

interface DemoAccount {
  email: string;
  displayName: string;
  role: AccountRole;
  /** Natural key of the organisation the account belongs to; none = whole platform. */
  organisation?: { siren?: string; inseeCode?: string; kind: string; name: string };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.mutualis.fr', displayName: 'Administratrice de la plateforme', role: 'admin' },
  {
    email: 'finances.call@demo.mutualis.fr',
    displayName: 'Responsable financier (CALL)',
    role: 'finance',
    organisation: { siren: '246200364', kind: 'communaute_agglomeration', name: "Communauté d'Agglomération de Lens-Liévin" },
  },
  {
    email: 'technicien.call@demo.mutualis.fr',
    displayName: 'Technicien DMSI (CALL)',
    role: 'technician',
    organisation: { siren: '246200364', kind: 'communaute_agglomeration', name: "Communauté d'Agglomération de Lens-Liévin" },
  },
  {
    email: 'cli.lens@demo.mutualis.fr',
    displayName: 'Correspondant informatique de Lens',
    role: 'member_cli',
    organisation: { inseeCode: '62498', kind: 'commune', name: 'Lens' },
  },
  {
    email: 'cli.coquelicot@demo.mutualis.fr',
    displayName: 'Contact technique du Pays du Coquelicot',
    role: 'member_cli',
    organisation: { siren: '248000747', kind: 'communaute_communes', name: 'Communauté de Communes du Pays du Coquelicot' },
  },
  {
    email: 'elu.trouville@demo.mutualis.fr',
    displayName: 'Élu de Trouville-sur-Mer',
    role: 'member_elected',
    organisation: { inseeCode: '14715', kind: 'commune', name: 'Trouville-sur-Mer' },
  },
];

export async function exampleFiles(): Promise<string[]> {
  return (await readdir(EXAMPLES_DIR)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(EXAMPLES_DIR, f));
}

/** Loads the five seeds and the demo accounts, once: only into a database that has no account yet. */
export async function loadDemoIfEmpty(deps: Deps): Promise<boolean> {
  if ((await countAccounts(deps.database.db)) > 0) return false;
  for (const file of await exampleFiles()) {
    await loadSetupFile(deps, SYSTEM_PRINCIPAL, await readFile(file, 'utf8'), { dryRun: false, fileName: file.split('/').pop()! });
  }
  await loadDemoConsumption(deps, join(EXAMPLES_DIR, 'consumption'));
  await loadDemoCosts(deps, join(EXAMPLES_DIR, 'costs'));
  for (const account of DEMO_ACCOUNTS) {
    const organisationId = account.organisation ? await findOrganisationIdByNaturalKey(deps.database.db, account.organisation) : null;
    if (account.organisation && !organisationId) throw new Error(`Organisation de démonstration absente : ${account.organisation.name}`);
    await createAccount(deps, SYSTEM_PRINCIPAL, { email: account.email, displayName: account.displayName, role: account.role, organisationId, password: DEMO_PASSWORD });
  }
  return true;
}
