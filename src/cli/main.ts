import { billCommand } from './bill-command.ts';
import { importOperatorInvoices } from '../services/consumption/operator-invoices.ts';
import { readInvoiceFile, readTimeFile } from '../services/consumption/record-files.ts';
import { recordTimeEntries } from '../services/consumption/time-entries.ts';
import { CSV_TYPE, XLSX_TYPE } from '../services/files/table-file.ts';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createReadStream } from 'node:fs';
import { readSnapshotCsv, readSnapshotXlsx } from '../services/consumption/snapshot-files.ts';
import { importSnapshots } from '../services/consumption/snapshot-import.ts';
import { Command } from 'commander';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { findOrganisationIdByNaturalKey } from '../repositories/organisation-repository.ts';
import { createAccount } from '../services/auth-service.ts';
import { SYSTEM_PRINCIPAL, type Deps } from '../services/context.ts';
import { loadDemoIfEmpty } from '../services/demo.ts';
import { sendDueReminders } from '../services/agreements/reminders.ts';
import { createMailer } from '../services/mail/mailer.ts';
import { parseCivilDate } from '../domain/civil-date.ts';
import { ValidationError } from '../services/errors.ts';
import { importTerritory } from '../services/registry/import-territory.ts';
import { setupFileJsonSchema } from '../services/setup/setup-json-schema.ts';
import { loadSetupFile } from '../services/setup/setup-service.ts';
import { ACCOUNT_ROLE_VALUES, type AccountRole } from '../domain/access/roles.ts';

async function withDeps<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const database: Database = await openDatabase(config);
  try {
    await database.migrate();
    return await work({ database, clock: systemClock() });
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

const program = new Command('mutualis').description("Administration de Mutualis (base : DATABASE_URL, sinon PGlite sous ./data)");

program
  .command('migrate')
  .description('Appliquer les migrations du schéma')
  .action(() => withDeps(async () => console.log('Schéma à jour.')));

program
  .command('create-admin')
  .description('Créer un compte administrateur (mot de passe lu sur stdin avec --password-stdin, sinon généré et affiché)')
  .requiredOption('--email <email>', 'adresse de connexion')
  .option('--name <name>', 'nom affiché', 'Administrateur')
  .option('--role <role>', `rôle (${ACCOUNT_ROLE_VALUES.join(', ')})`, 'admin')
  .option('--siren <siren>', "SIREN du fournisseur (ou de l'adhérent) de rattachement ; absent = toute la plateforme")
  .option('--password-stdin', 'lire le mot de passe sur l’entrée standard')
  .action((options: { email: string; name: string; role: string; siren?: string; passwordStdin?: boolean }) =>
    withDeps(async (deps) => {
      const password = options.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url');
      const organisationId = options.siren ? await findOrganisationIdByNaturalKey(deps.database.db, { siren: options.siren, kind: '', name: '' }) : null;
      if (options.siren && !organisationId) throw new ValidationError('Organisation introuvable', [{ path: '--siren', message: `aucune organisation de SIREN ${options.siren}` }]);
      const account = await createAccount(deps, SYSTEM_PRINCIPAL, { email: options.email, displayName: options.name, role: options.role as AccountRole, organisationId, password });
      console.log(`Compte créé : ${account.email} (${account.role})${options.passwordStdin ? '' : `, mot de passe : ${password}`}`);
    }),
  );

program
  .command('import-territory')
  .description('Importer les communes et EPCI du référentiel officiel')
  .option('-d, --departement <code...>', 'départements (ex. 62 80) ; absent = toute la France')
  .option('--provider-siren <siren>', 'lier les organisations importées à ce fournisseur, comme prospects')
  .action((options: { departement?: string[]; providerSiren?: string }) =>
    withDeps(async (deps) => {
      const providerId = options.providerSiren ? await findOrganisationIdByNaturalKey(deps.database.db, { siren: options.providerSiren, kind: '', name: '' }) : null;
      if (options.providerSiren && !providerId) throw new ValidationError('Fournisseur introuvable', [{ path: '--provider-siren', message: `aucune organisation de SIREN ${options.providerSiren}` }]);
      const started = performance.now();
      const result = await importTerritory(deps, SYSTEM_PRINCIPAL, { departements: options.departement, providerId });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`EPCI : ${result.epci.created} créés, ${result.epci.updated} mis à jour, ${result.epci.unchanged} inchangés`);
      console.log(`Communes : ${result.communes.created} créées, ${result.communes.updated} mises à jour, ${result.communes.unchanged} inchangées`);
      if (providerId) console.log(`Liées au fournisseur : ${result.linkedToProvider}`);
      console.log(`Terminé en ${seconds} s.`);
    }),
  );

program
  .command('import-snapshots')
  .description('Importer des relevés mensuels (CSV ou XLSX) pour un fournisseur : tout ou rien')
  .argument('<file>', 'fichier CSV ou XLSX (colonnes membre, ligne, options, mois, unités)')
  .requiredOption('--provider-siren <siren>', 'SIREN du fournisseur')
  .option('--dry-run', 'tout vérifier sans rien écrire')
  .action((file: string, options: { providerSiren: string; dryRun?: boolean }) =>
    withDeps(async (deps) => {
      const providerId = await findOrganisationIdByNaturalKey(deps.database.db, { siren: options.providerSiren, kind: '', name: '' });
      if (!providerId) throw new ValidationError('Fournisseur introuvable', [{ path: '--provider-siren', message: `aucune organisation de SIREN ${options.providerSiren}` }]);
      const batches = file.toLowerCase().endsWith('.xlsx') ? readSnapshotXlsx(await readFile(file)) : readSnapshotCsv(createReadStream(file));
      const onProgress = (phase: string, rows: number) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${phase === 'write' ? 'Écriture…' : `${rows.toLocaleString('fr-FR')} lignes vérifiées`}   `);
      };
      const result = await importSnapshots(deps, SYSTEM_PRINCIPAL, providerId, batches, { source: 'file', fileName: basename(file), dryRun: Boolean(options.dryRun), onProgress });
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (result.errorCount) {
        for (const e of result.errors) console.error(`  ligne ${e.row} (${e.column}) : ${e.message}`);
        throw new ValidationError(`Import refusé : ${result.errorCount} erreur(s), rien n'a été enregistré`, []);
      }
      console.log(`${result.dryRun ? 'Vérifié (rien écrit)' : 'Importé'} : ${result.rows} ligne(s) — ${result.created} créée(s), ${result.updated} corrigée(s), ${result.unchanged} inchangée(s)`);
    }),
  );

/** The provider a file is imported for: by SIREN, or by id for a provider without one (seed 000's syndicat). */
async function providerOf(deps: Deps, options: { providerSiren?: string; providerId?: string }): Promise<string> {
  if (options.providerId) return options.providerId;
  const providerId = options.providerSiren ? await findOrganisationIdByNaturalKey(deps.database.db, { siren: options.providerSiren, kind: '', name: '' }) : null;
  if (!providerId) throw new ValidationError('Fournisseur introuvable', [{ path: '--provider-siren', message: options.providerSiren ? `aucune organisation de SIREN ${options.providerSiren}` : 'indiquez --provider-siren ou --provider-id' }]);
  return providerId;
}

function reportFileErrors(errors: readonly { row: number; column: string; message: string }[]): void {
  if (!errors.length) return;
  for (const e of errors.slice(0, 1000)) console.error(`  ligne ${e.row} (${e.column}) : ${e.message}`);
  throw new ValidationError(`Import refusé : ${errors.length} erreur(s), rien n'a été enregistré`, []);
}

const tableType = (file: string) => (file.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : CSV_TYPE);

program
  .command('import-time')
  .description('Importer des temps passés (CSV ou XLSX, export d’un outil de tickets) : tout ou rien')
  .argument('<file>', 'fichier (colonnes date, durée, intervenant, membre, service, déplacement, description, référence)')
  .option('--provider-siren <siren>', 'SIREN du fournisseur')
  .option('--provider-id <id>', 'identifiant du fournisseur (s’il n’a pas de SIREN)')
  .option('--dry-run', 'tout vérifier sans rien écrire')
  .action((file: string, options: { providerSiren?: string; providerId?: string; dryRun?: boolean }) =>
    withDeps(async (deps) => {
      const rows = await readTimeFile(await readFile(file), tableType(file));
      const result = await recordTimeEntries(deps, SYSTEM_PRINCIPAL, await providerOf(deps, options), rows, { source: 'file', fileName: basename(file), dryRun: Boolean(options.dryRun) });
      reportFileErrors(result.errors);
      console.log(`${result.dryRun ? 'Vérifié (rien écrit)' : 'Importé'} : ${result.rows} ligne(s) — ${result.created} créée(s), ${result.updated} corrigée(s), ${result.unchanged} inchangée(s)`);
    }),
  );

program
  .command('import-operator-invoices')
  .description('Importer les lignes de factures d’opérateurs (CSV ou XLSX) : tout ou rien')
  .argument('<file>', 'fichier (colonnes opérateur, lot, facture, date de facture, début et fin de période, membre, type de prestation, site, libellé, montant HT, TVA)')
  .option('--provider-siren <siren>', 'SIREN du fournisseur')
  .option('--provider-id <id>', 'identifiant du fournisseur (s’il n’a pas de SIREN)')
  .option('--dry-run', 'tout vérifier sans rien écrire')
  .action((file: string, options: { providerSiren?: string; providerId?: string; dryRun?: boolean }) =>
    withDeps(async (deps) => {
      const rows = await readInvoiceFile(await readFile(file), tableType(file));
      const result = await importOperatorInvoices(deps, SYSTEM_PRINCIPAL, await providerOf(deps, options), rows, { fileName: basename(file), dryRun: Boolean(options.dryRun) });
      reportFileErrors(result.errors);
      console.log(`${result.dryRun ? 'Vérifié (rien écrit)' : 'Importé'} : ${result.invoices} facture(s) sur ${result.rows} ligne(s) — ${result.created} créée(s), ${result.unchanged} inchangée(s), ${result.amount.replace('.', ',')} € HT`);
    }),
  );

billCommand(program, withDeps);

program
  .command('load')
  .description('Charger un fichier de paramétrage YAML ou JSON (tout ou rien)')
  .argument('<file>', 'fichier à charger')
  .option('--dry-run', 'tout vérifier sans rien écrire')
  .action((file: string, options: { dryRun?: boolean }) =>
    withDeps(async (deps) => {
      const result = await loadSetupFile(deps, SYSTEM_PRINCIPAL, await readFile(file, 'utf8'), { dryRun: Boolean(options.dryRun), fileName: basename(file) });
      const line = (label: string, c: { created: number; updated: number; unchanged: number }) =>
        console.log(`  ${label.padEnd(14)} ${c.created} créé(s), ${c.updated} modifié(s), ${c.unchanged} inchangé(s)`);
      console.log(`${result.dryRun ? 'Vérifié (rien écrit)' : 'Chargé'} : ${result.title}`);
      line('Organisations', result.organisations);
      line('Adhésions', result.memberships);
      line('Contacts', result.contacts);
      line('Catalogues', result.catalogues);
      line('Grilles', result.grids);
      line('Coûts unitaires', result.unitCosts);
      line('Conventions', result.agreements);
      line('Périmètres', result.perimeters);
      line('Souscriptions', result.subscriptions);
    }),
  );

program
  .command('reminders')
  .description("Envoyer les rappels d'échéance dus (ou capturés sans SMTP)")
  .option('--date <date>', 'date du jour à considérer (AAAA-MM-JJ)')
  .action((options: { date?: string }) =>
    withDeps(async (deps) => {
      const config = loadConfig(process.env);
      const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
      const sent = await sendDueReminders(deps, mailer, options.date ? parseCivilDate(options.date) : deps.clock.today(), config.reminderDays);
      console.log(`${sent} rappel(s) ${mailer.mode === 'smtp' ? 'envoyé(s)' : 'capturé(s) dans la boîte d’envoi'}.`);
    }),
  );

program
  .command('demo')
  .description('Charger les cinq exemples et les comptes de démonstration dans une base vide')
  .action(() => withDeps(async (deps) => console.log((await loadDemoIfEmpty(deps)) ? 'Démonstration chargée.' : 'La base contient déjà des comptes : rien fait.')));

program
  .command('setup-schema')
  .description('Écrire le JSON Schema des fichiers de paramétrage')
  .option('--out <file>', 'fichier de sortie (sinon sortie standard)')
  .action(async (options: { out?: string }) => {
    const text = JSON.stringify(setupFileJsonSchema(), null, 2) + '\n';
    if (options.out) await writeFile(options.out, text);
    else process.stdout.write(text);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ValidationError) {
    console.error(`Erreur : ${error.message}`);
    for (const issue of error.issues) console.error(`  - ${issue.path} : ${issue.message}`);
  } else {
    console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
