import { buildApp } from './api/app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { sendDueReminders } from './services/agreements/reminders.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoIfEmpty } from './services/demo.ts';
import { createMailer } from './services/mail/mailer.ts';

const config = loadConfig(process.env);
const database = await openDatabase(config);
await database.migrate();
const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
const deps = { database, clock: systemClock(), mailer };
const demoLoaded = config.loadDemo ? await loadDemoIfEmpty(deps) : false;
const app = await buildApp(deps, { sessionTtlHours: config.sessionTtlHours, secureCookies: config.secureCookies, logger: { level: 'warn' } });
await app.listen({ port: config.port, host: config.host });

const engine = database.engine === 'pglite' ? `PGlite embarqué (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)';
console.log(`\nMutualis est prêt : http://localhost:${config.port}  — base : ${engine}`);
console.log(`Documentation de l'API : http://localhost:${config.port}/api/docs`);
if (config.loadDemo) {
  console.log(`${demoLoaded ? 'Données de démonstration chargées (5 conventions d’exemple).' : 'Données existantes conservées.'} Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
  for (const account of DEMO_ACCOUNTS) console.log(`  - ${account.email.padEnd(34)} ${account.displayName}`);
}

// Deadline reminders: once at start, then every hour (a run sends only what is due and not yet sent).
const remind = () =>
  sendDueReminders(deps, mailer, deps.clock.today(), config.reminderDays).catch((error: unknown) => app.log.error({ err: error }, 'reminders failed'));
void remind();
const reminderTimer = setInterval(() => void remind(), 3_600_000);
console.log(`Rappels d'échéance : ${config.reminderDays.join(' et ')} jours avant, ${mailer.mode === 'smtp' ? 'envoyés par SMTP' : 'capturés dans la boîte d’envoi (aucun SMTP configuré)'}.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(reminderTimer);
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
