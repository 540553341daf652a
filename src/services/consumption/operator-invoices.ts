import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { invoiceCopySchema, operatorInvoiceSchema, operatorInvoiceSummarySchema, penaltyInputSchema, penaltySchema } from '../../contracts/operator-invoices.ts';
import { compareCivilDates } from '../../domain/civil-date.ts';
import type { FileError } from '../../domain/consumption/fields.ts';
import { parseAmount } from '../../domain/consumption/fields.ts';
import { groupInvoiceLines, invoiceTotals, sameInvoice, type RawInvoiceLine } from '../../domain/consumption/operator-invoices.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { lockProviderSnapshots, memberIdentifiers } from '../../repositories/consumption-repository.ts';
import {
  findInvoiceHeader,
  insertInvoice,
  insertPenalty,
  invoiceCopy,
  invoiceLineRows,
  invoiceMembers,
  invoicesByNumber,
  listInvoiceRows,
  penaltyRows,
  updateInvoice,
} from '../../repositories/operator-invoice-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { providerCatalogue } from '../subscriptions/subscription-access.ts';

export interface InvoiceImportResult {
  rows: number;
  invoices: number;
  created: number;
  unchanged: number;
  amount: string;
  dryRun: boolean;
  errors: FileError[];
}

const money = (value: number) => toDecimalString(cents(value));

/**
 * Imports the lines of operator invoices (seed 000 art. 4.2), all or nothing: every row checked (dates, member
 * of the provider, a passed-through type of service, amounts), lines of one invoice consistent with each other.
 * An invoice already imported with the same content is unchanged; under the same number with another content
 * it is refused — an invoice is a fact received, corrected by the operator's credit note, never edited here.
 */
export async function importOperatorInvoices(deps: Deps, principal: Principal, providerId: string, raws: RawInvoiceLine[], options: { fileName?: string | undefined; dryRun?: boolean | undefined }): Promise<InvoiceImportResult> {
  require(principal, 'consumption:write');
  assertActsFor(principal, providerId);
  const db = deps.database.db;
  const catalogue = await providerCatalogue(db, providerId);
  const members = await memberIdentifiers(db, providerId);
  const { invoices, errors } = groupInvoiceLines(raws, catalogue);
  for (const invoice of invoices) {
    for (const line of invoice.lines) {
      if (!members.has(line.member)) errors.push({ row: line.row, column: 'membre', message: `« ${line.member} » n'est ni membre ni ancien membre de ce fournisseur` });
    }
  }
  const dryRun = Boolean(options.dryRun);
  const base = { rows: raws.length, invoices: invoices.length, created: 0, unchanged: 0, amount: money(invoices.reduce((sum, i) => sum + invoiceTotals(i.lines).amountCents, 0)), dryRun };
  if (!raws.length) errors.push({ row: 1, column: 'ligne entière', message: 'le fichier ne contient aucune ligne de données' });
  if (errors.length) return { ...base, errors: errors.sort((a, b) => a.row - b.row) };
  const organisationOf = (member: string) => members.get(member)!;
  return deps.database.transaction(async (tx) => {
    await lockProviderSnapshots(tx.db, providerId);
    const stored = await invoicesByNumber(tx.db, providerId, invoices);
    const conflicts: FileError[] = [];
    const fresh = invoices.filter((invoice) => {
      const existing = stored.get(`${invoice.operator}\u0001${invoice.number}`);
      if (existing && !sameInvoice(invoice, organisationOf, { ...existing.header, lines: existing.lines })) {
        conflicts.push({ row: invoice.row, column: 'facture', message: `la facture ${invoice.number} de ${invoice.operator} est déjà enregistrée avec un autre contenu : une facture reçue ne se modifie pas, importez l'avoir de l'opérateur` });
      }
      return !existing;
    });
    // Checked before any write: a conflict leaves the database as it was.
    if (conflicts.length) return { ...base, errors: conflicts };
    const result = { ...base, created: fresh.length, unchanged: invoices.length - fresh.length, errors: [] as FileError[] };
    const at = deps.clock.now().toISOString();
    const importId = randomUUID();
    for (const invoice of dryRun ? [] : fresh) {
      const id = randomUUID();
      const totals = invoiceTotals(invoice.lines);
      const { operator, marketLot, number, issuedOn, periodFrom, periodTo } = invoice;
      await insertInvoice(
        tx.db,
        { id, providerId, operator, marketLot, number, issuedOn, periodFrom, periodTo, ...totals, importId, importedAt: at },
        invoice.lines.map((l, position) => ({ invoiceId: id, position, organisationId: organisationOf(l.member), line: l.line, site: l.site, label: l.label, amountCents: l.amountCents, vatCents: l.vatCents })),
      );
    }
    if (!dryRun && result.created) {
      await recordAudit(tx.db, principal, deps.clock.now(), { action: 'import', entityType: 'operator_invoice_import', entityId: importId, organisationId: providerId, after: { fileName: options.fileName ?? null, invoices: result.invoices, created: result.created, unchanged: result.unchanged, amount: result.amount } });
    }
    return result;
  });
}

type Summary = z.infer<typeof operatorInvoiceSummarySchema>;

function summary(row: Awaited<ReturnType<typeof listInvoiceRows>>[number] | (NonNullable<Awaited<ReturnType<typeof findInvoiceHeader>>> & { members: string[]; lineCount: number })): Summary {
  return {
    id: row.id,
    providerId: row.providerId,
    operator: row.operator,
    marketLot: row.marketLot,
    number: row.number,
    issuedOn: row.issuedOn,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    paidOn: row.paidOn,
    amount: money(row.amountCents),
    vat: money(row.vatCents),
    total: money(row.amountCents + row.vatCents),
    copyFileName: row.copyFileName,
    members: row.members,
    lineCount: row.lineCount,
  };
}

/** Provider staff: their operator invoices whose billed period starts between two dates. */
export async function listOperatorInvoices(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; from: string; to: string }): Promise<Summary[]> {
  require(principal, 'organisation:read');
  if (principal.scope.kind === 'member') throw new ForbiddenError('Un adhérent consulte ses consommations dans ses états trimestriels');
  return (await listInvoiceRows(deps.database.db, principal.scope, filter)).map(summary);
}

/** The invoice for its provider's staff. */
async function staffInvoice(deps: Deps, principal: Principal, id: string) {
  const row = await findInvoiceHeader(deps.database.db, id);
  if (!row || principal.scope.kind === 'member' || (principal.scope.kind === 'provider' && principal.scope.providerId !== row.providerId)) throw new NotFoundError('Facture d’opérateur');
  return row;
}

export async function getOperatorInvoice(deps: Deps, principal: Principal, id: string): Promise<z.infer<typeof operatorInvoiceSchema>> {
  require(principal, 'organisation:read');
  const row = await staffInvoice(deps, principal, id);
  const lines = await invoiceLineRows(deps.database.db, id);
  const names = new Map((await providerCatalogue(deps.database.db, row.providerId)).lines.map((l) => [l.code, l.name]));
  return {
    ...summary({ ...row, members: [...new Set(lines.map((l) => l.organisationName))].sort(), lineCount: lines.length }),
    lines: lines.map(({ line: l, organisationName }) => ({ position: l.position, organisationId: l.organisationId, organisationName, line: l.line, lineName: names.get(l.line) ?? l.line, site: l.site, label: l.label, amount: money(l.amountCents), vat: money(l.vatCents) })),
  };
}

/** Records that the provider paid the invoice: the statement lists "les doubles des factures réglées". */
export async function markInvoicePaid(deps: Deps, principal: Principal, id: string, paidOn: string): Promise<z.infer<typeof operatorInvoiceSchema>> {
  require(principal, 'consumption:write');
  const row = await staffInvoice(deps, principal, id);
  assertActsFor(principal, row.providerId);
  if (compareCivilDates(paidOn as never, row.issuedOn as never) < 0) throw new ValidationError('Date de paiement invalide', [{ path: 'paidOn', message: `antérieure à la facture (${row.issuedOn})` }]);
  await deps.database.transaction(async (tx) => {
    await updateInvoice(tx.db, id, { paidOn });
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'update', entityType: 'operator_invoice', entityId: id, organisationId: row.providerId, before: { paidOn: row.paidOn }, after: { paidOn } });
  });
  return getOperatorInvoice(deps, principal, id);
}

/** Keeps the copy of the invoice (PDF or scan), for the members it concerns. */
export async function attachInvoiceCopy(deps: Deps, principal: Principal, id: string, input: z.infer<typeof invoiceCopySchema>): Promise<z.infer<typeof operatorInvoiceSchema>> {
  require(principal, 'consumption:write');
  const row = await staffInvoice(deps, principal, id);
  assertActsFor(principal, row.providerId);
  const content = Buffer.from(input.contentBase64, 'base64');
  if (!content.length) throw new ValidationError('Copie illisible', [{ path: 'contentBase64', message: 'le contenu base64 est vide ou invalide' }]);
  await deps.database.transaction(async (tx) => {
    await updateInvoice(tx.db, id, { copy: content, copyFileName: input.fileName, copyContentType: input.contentType });
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'update', entityType: 'operator_invoice', entityId: id, organisationId: row.providerId, before: { copyFileName: row.copyFileName }, after: { copyFileName: input.fileName, bytes: content.length } });
  });
  return getOperatorInvoice(deps, principal, id);
}

/**
 * The copy of an invoice: for its provider's staff, and for a member when every line of the invoice is its
 * own (an invoice covering several members would show the others' consumption).
 */
export async function downloadInvoiceCopy(deps: Deps, principal: Principal, id: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const row = await findInvoiceHeader(db, id);
  if (!row) throw new NotFoundError('Facture d’opérateur');
  if (principal.scope.kind === 'provider' && principal.scope.providerId !== row.providerId) throw new NotFoundError('Facture d’opérateur');
  if (principal.scope.kind === 'member') {
    const members = await invoiceMembers(db, id);
    if (!members.includes(principal.scope.organisationId)) throw new NotFoundError('Facture d’opérateur');
    if (members.length > 1) throw new ForbiddenError('Cette facture concerne aussi d’autres adhérents : son double se demande au fournisseur, vos lignes figurent dans votre état trimestriel');
  }
  const copy = await invoiceCopy(db, id);
  if (!copy?.content) throw new NotFoundError('Double de la facture');
  return { fileName: copy.fileName ?? `${row.number}.pdf`, contentType: copy.contentType ?? 'application/octet-stream', content: copy.content };
}

type PenaltyView = z.infer<typeof penaltySchema>;

/** A penalty received from an operator for a member's services: paid back to the member at year end. */
export async function recordPenalty(deps: Deps, principal: Principal, providerId: string, input: z.infer<typeof penaltyInputSchema>): Promise<PenaltyView> {
  require(principal, 'consumption:write');
  assertActsFor(principal, providerId);
  const db = deps.database.db;
  const amount = parseAmount(input.amount);
  const issues = [];
  if (amount === null || amount <= 0) issues.push({ path: 'amount', message: `montant « ${input.amount} » : un montant positif en euros est attendu` });
  const members = await memberIdentifiers(db, providerId);
  if (!members.has(input.organisationId)) issues.push({ path: 'organisationId', message: "cette organisation n'est ni membre ni ancien membre de ce fournisseur" });
  if (input.invoiceId) {
    const invoice = await findInvoiceHeader(db, input.invoiceId);
    if (!invoice || invoice.providerId !== providerId) issues.push({ path: 'invoiceId', message: 'facture inconnue de ce fournisseur' });
  }
  if (compareCivilDates(input.receivedOn as never, deps.clock.today()) > 0) issues.push({ path: 'receivedOn', message: 'date dans le futur' });
  if (issues.length) throw new ValidationError('Pénalité invalide', issues);
  const at = deps.clock.now().toISOString();
  const id = await deps.database.transaction(async (tx) => {
    const values = { providerId, organisationId: input.organisationId, operator: input.operator, marketLot: input.marketLot, receivedOn: input.receivedOn, amountCents: amount!, reason: input.reason, invoiceId: input.invoiceId ?? null, recordedAt: at, actorLabel: principal.label };
    const newId = await insertPenalty(tx.db, values);
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'create', entityType: 'operator_penalty', entityId: newId, organisationId: input.organisationId, after: values });
    return newId;
  });
  return (await listPenalties(deps, principal, { providerId, organisationId: input.organisationId, year: Number(input.receivedOn.slice(0, 4)) })).find((p) => p.id === id)!;
}

/** Penalties of a year: provider staff see theirs, a member those received for it. */
export async function listPenalties(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined; year: number }): Promise<PenaltyView[]> {
  require(principal, 'organisation:read');
  const rows = await penaltyRows(deps.database.db, principal.scope, { ...filter, from: `${filter.year}-01-01`, to: `${filter.year}-12-31` });
  return rows.map(({ penalty: p, organisationName }) => ({
    id: p.id,
    providerId: p.providerId,
    organisationId: p.organisationId,
    organisationName,
    operator: p.operator,
    marketLot: p.marketLot,
    receivedOn: p.receivedOn,
    amount: money(p.amountCents),
    reason: p.reason,
    invoiceId: p.invoiceId,
    recordedAt: p.recordedAt,
  }));
}
