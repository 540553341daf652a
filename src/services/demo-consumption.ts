import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { gridInputSchema, unitCostInputSchema } from '../contracts/catalogue.ts';
import { findAgreementByCode } from '../repositories/agreement-repository.ts';
import { findOrganisationIdByNaturalKey } from '../repositories/organisation-repository.ts';
import type { FileError } from '../domain/consumption/fields.ts';
import type { RawSnapshotRow } from '../domain/consumption/snapshot-row.ts';
import { SYSTEM_PRINCIPAL, type Deps } from './context.ts';
import { putForecasts } from './consumption/forecasts.ts';
import { importOperatorInvoices, recordPenalty } from './consumption/operator-invoices.ts';
import { readInvoiceFile, readTimeFile } from './consumption/record-files.ts';
import { readSnapshotCsv } from './consumption/snapshot-files.ts';
import { importSnapshots } from './consumption/snapshot-import.ts';
import { recordTimeEntries } from './consumption/time-entries.ts';
import { CSV_TYPE } from './files/table-file.ts';
import { loadSetupFile } from './setup/setup-service.ts';
import { recordAgreementDates } from './agreements/agreement-signature.ts';
import { createGrid } from './catalogue/grid-service.ts';
import { putUnitCost } from './catalogue/unit-cost-service.ts';

/**
 * examples/consumption/demo.yaml: the illustrative setup files completing the examples (grids, unit costs,
 * subscriptions), which provider imports which illustrative file, plus forecasts and penalties. A file may name a
 * member that has neither SIREN nor INSEE code by an alias (`members`), replaced by its identifier before import.
 */
const key = z.object({ siren: z.string().optional(), inseeCode: z.string().optional(), kind: z.string().default(''), name: z.string().default('') }).strict();
const demoSchema = z
  .object({
    agreements: z.array(z.object({ provider: key, code: z.string(), signedOn: z.string().optional(), openingRecordSignedOn: z.string().optional() }).strict()).default([]),
    setup: z.array(z.string()).default([]),
    grids: z.array(gridInputSchema.extend({ provider: key })).default([]),
    unitCosts: z.array(unitCostInputSchema.extend({ provider: key })).default([]),
    imports: z.array(z.object({ provider: key, kind: z.enum(['snapshots', 'time', 'invoices']), file: z.string(), members: z.record(z.string(), key).default({}) }).strict()),
    forecasts: z.array(z.object({ provider: key, member: key, rows: z.array(z.object({ line: z.string(), year: z.number().int(), quarter: z.number().int(), units: z.number().int().optional(), amount: z.string().optional() }).strict()) }).strict()),
    penalties: z.array(z.object({ provider: key, member: key, operator: z.string(), marketLot: z.string(), receivedOn: z.string(), amount: z.string(), reason: z.string() }).strict()),
  })
  .strict();

function refuse(file: string, errors: readonly { row: number; column: string; message: string }[]): void {
  if (errors.length) throw new Error(`Données de démonstration invalides (${file}) : ${errors.slice(0, 5).map((e) => `ligne ${e.row}, ${e.column} : ${e.message}`).join(' ; ')}`);
}

/** Snapshot rows whose member is an alias get the member's identifier (the import accepts it like a SIREN). */
async function* withAliases(batches: AsyncIterable<RawSnapshotRow[]>, aliases: ReadonlyMap<string, string>): AsyncGenerator<RawSnapshotRow[]> {
  for await (const batch of batches) yield batch.map((r) => ({ ...r, member: aliases.get(r.member.trim()) ?? r.member }));
}

/** Loads the demo's illustrative consumption (see examples/consumption/README.md) through the ordinary imports. */
export async function loadDemoConsumption(deps: Deps, directory: string): Promise<void> {
  const demo = demoSchema.parse(parse(await readFile(join(directory, 'demo.yaml'), 'utf8')));
  const db = deps.database.db;
  const idOf = async (k: z.infer<typeof key>) => {
    const id = await findOrganisationIdByNaturalKey(db, k);
    if (!id) throw new Error(`Organisation de démonstration absente : ${JSON.stringify(k)}`);
    return id;
  };
  const principal = SYSTEM_PRINCIPAL;
  for (const { provider, code, ...dates } of demo.agreements) {
    const agreement = await findAgreementByCode(db, await idOf(provider), code);
    if (!agreement) throw new Error(`Convention de démonstration absente : ${code}`);
    await recordAgreementDates(deps, principal, agreement.id, dates);
  }
  for (const file of demo.setup) {
    await loadSetupFile(deps, principal, await readFile(join(directory, file), 'utf8'), { dryRun: false, fileName: file });
  }
  for (const { provider, ...grid } of demo.grids) await createGrid(deps, principal, await idOf(provider), grid);
  for (const { provider, ...cost } of demo.unitCosts) await putUnitCost(deps, principal, await idOf(provider), cost);
  for (const item of demo.imports) {
    const providerId = await idOf(item.provider);
    const content = await readFile(join(directory, item.file), 'utf8');
    const aliases = new Map<string, string>();
    for (const [alias, member] of Object.entries(item.members)) aliases.set(alias, await idOf(member));
    const options = { fileName: item.file };
    let errors: readonly (FileError | { row: number; column: string; message: string })[];
    if (item.kind === 'snapshots') errors = (await importSnapshots(deps, principal, providerId, withAliases(readSnapshotCsv(content), aliases), { source: 'file', ...options })).errors;
    else if (item.kind === 'time') errors = (await recordTimeEntries(deps, principal, providerId, await readTimeFile(content, CSV_TYPE), { source: 'file', ...options })).errors;
    else errors = (await importOperatorInvoices(deps, principal, providerId, await readInvoiceFile(content, CSV_TYPE), options)).errors;
    refuse(item.file, errors);
  }
  for (const f of demo.forecasts) {
    const organisationId = await idOf(f.member);
    await putForecasts(deps, principal, await idOf(f.provider), { rows: f.rows.map((r) => ({ organisationId, line: r.line, options: {}, year: r.year, quarter: r.quarter, units: r.units ?? null, amount: r.amount ?? null })) });
  }
  for (const p of demo.penalties) {
    await recordPenalty(deps, principal, await idOf(p.provider), { organisationId: await idOf(p.member), operator: p.operator, marketLot: p.marketLot, receivedOn: p.receivedOn, amount: p.amount, reason: p.reason });
  }
}
