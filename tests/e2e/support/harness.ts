import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, WEB_DIST } from '../../../src/api/app.ts';
import type { ZodApp } from '../../../src/api/types.ts';
import { systemClock } from '../../../src/clock.ts';
import { parseCivilDate } from '../../../src/domain/civil-date.ts';
import { sendDueReminders } from '../../../src/services/agreements/reminders.ts';
import { createMailer, type Mailer } from '../../../src/services/mail/mailer.ts';
import { openPglite } from '../../../src/db/database.ts';
import { findOrganisationIdByNaturalKey } from '../../../src/repositories/organisation-repository.ts';
import type { Deps } from '../../../src/services/context.ts';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '../../../src/services/demo.ts';

declare global {
  interface Window {
    axe?: { run(context: Document, options: unknown): Promise<AxeResults> };
  }
}

export { DEMO_PASSWORD };

export const ACCOUNTS = {
  admin: 'admin@demo.mutualis.fr',
  finance: 'finances.call@demo.mutualis.fr',
  technician: 'technicien.call@demo.mutualis.fr',
  cliLens: 'cli.lens@demo.mutualis.fr',
  cliCoquelicot: 'cli.coquelicot@demo.mutualis.fr',
  electedTrouville: 'elu.trouville@demo.mutualis.fr',
} as const;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');
const SHOTS_DIR = process.env.E2E_SHOTS ? (process.env.E2E_SHOTS === '1' ? '/tmp/shots' : process.env.E2E_SHOTS) : null;

export interface E2E {
  baseUrl: string;
  deps: Deps;
  app: ZodApp;
  browser: Browser;
  /** A fresh browser context (own cookies) and page, in French, 1280×900 unless told. */
  newPage(options?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page }>;
  organisationId(key: { siren?: string; inseeCode?: string; kind: string; name: string }): Promise<string>;
  /** Screens checked with axe so far, for the summary. */
  checked: string[];
  /** Runs the deadline reminders as of a date (YYYY-MM-DD), like `mutualis reminders --date`; returns the mails captured. */
  remind(asOf: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts the real application in-process on an ephemeral port, on an in-memory database with the demo data. */
export async function startE2E(): Promise<E2E> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`Application web non construite : ${join(WEB_DIST, 'index.html')} est absent. Lancez « npm run build:web » (ou « npm test », qui le fait) avant les tests e2e.`);
  }
  // The browser starts while the database is prepared.
  const browserStarting = chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let database: Awaited<ReturnType<typeof openPglite>> | undefined;
  let app: ZodApp | undefined;
  let deps: Deps;
  const mailer: Mailer = createMailer({ smtpUrl: undefined, from: 'Mutualis <ne-pas-repondre@mutualis.invalid>' });
  try {
    database = await openPglite(undefined);
    await database.migrate();
    deps = { database, clock: systemClock(), mailer };
    await loadDemoIfEmpty(deps);
    // As the server does at start (src/main.ts): the reminders due today, captured in the outbox (no SMTP here).
    await sendDueReminders(deps, mailer, deps.clock.today(), REMINDER_DAYS);
    app = await buildApp(deps, { sessionTtlHours: 1, secureCookies: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await browserStarting.then((b) => b.close()).catch(() => {});
    await app?.close().catch(() => {});
    await database?.close().catch(() => {});
    throw error;
  }
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('adresse du serveur inattendue');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await browserStarting;
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    deps,
    app,
    browser,
    checked: [],
    remind: (asOf) => sendDueReminders(deps, mailer, parseCivilDate(asOf), REMINDER_DAYS),
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => console.error(`[navigateur] ${error.message}`));
      return { context, page };
    },
    async organisationId(key) {
      const id = await findOrganisationIdByNaturalKey(database.db, key);
      if (!id) throw new Error(`organisation absente : ${key.name}`);
      return id;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** The server's default lead times (MUTUALIS_REMINDER_DAYS). */
const REMINDER_DAYS = [30, 7];

const IMPACTS = new Set(['serious', 'critical']);

function describe(results: AxeResults): string {
  return results.violations
    .filter((v) => IMPACTS.has(v.impact ?? ''))
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      - ${n.target.join(' ')}\n        ${n.failureSummary?.replaceAll('\n', '\n        ') ?? ''}`)
        .join('\n');
      return `  [${v.impact}] ${v.id} : ${v.help} (${v.helpUrl})\n${nodes}${v.nodes.length > 5 ? `\n      … et ${v.nodes.length - 5} autres` : ''}`;
    })
    .join('\n');
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current screen and fails on any serious or
 * critical violation, listing each rule and the elements concerned.
 */
export async function checkA11y(e2e: E2E, page: Page, screen: string, options: { whileBusy?: boolean } = {}): Promise<void> {
  if (!options.whileBusy) await settled(page);
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(() =>
    window.axe!.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
  );
  e2e.checked.push(screen);
  if (SHOTS_DIR) await shot(page, screen);
  const serious = describe(results);
  if (serious) throw new Error(`Accessibilité : violations graves sur l'écran « ${screen} » (${page.url()}) :\n${serious}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`), fullPage: true });
}

/** Waits until nothing on the screen is loading (no aria-busy region, no loading message). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'));
}

/** Waits for the page's h1 to read `name` (a client-side navigation or a load is done). */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** The text the polite live region last announced. */
export async function announced(page: Page, text: string | RegExp): Promise<void> {
  const region = page.getByTestId('announcer');
  await region.filter({ hasText: text }).waitFor({ state: 'attached' });
}
