import type { z } from 'zod';
import type { QuoteView, quoteAcceptanceSchema, quoteDeclineSchema, quoteInputSchema, quoteSendSchema } from '../../contracts/quotes.ts';
import { priceOn, type VatTreatment } from '../../domain/catalogue/tariff-grid.ts';
import { compareCivilDates, formatCivilDateFr, parseCivilDate, partsOf, type CivilDate } from '../../domain/civil-date.ts';
import { cents, parseEuros, toDecimalString, type Cents } from '../../domain/money.ts';
import { acceptanceError, parseQuantity, priceQuote, quantityText, QUOTE_STATUS_LABELS, quoteStatus, vatText, type Hundredths, type QuoteLine } from '../../domain/subscriptions/quote.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { insertQuote, linesOfQuotes, listQuoteRows, signedDocumentOf, updateQuote, type QuoteRow } from '../../repositories/quote-repository.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { quotePdf } from '../documents/quote-pdf.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError, type Issue } from '../errors.ts';

async function views(db: Db, rows: QuoteRow[], today: CivilDate): Promise<QuoteView[]> {
  const lines = await linesOfQuotes(db, rows.map((r) => r.id));
  return rows.map((row) => {
    const own = lines.filter((l) => l.quoteId === row.id);
    const facts = { sentOn: row.sentOn as CivilDate | null, validUntil: row.validUntil as CivilDate, acceptedOn: row.acceptedOn as CivilDate | null, declinedOn: row.declinedOn as CivilDate | null };
    const status = quoteStatus(facts, today);
    const modes = new Set(own.map((l) => JSON.stringify(l.vat)));
    return {
      id: row.id,
      number: row.number,
      subject: row.subject,
      providerId: row.providerId,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      requestId: row.requestId,
      issuedOn: row.issuedOn,
      validUntil: row.validUntil,
      sentOn: row.sentOn,
      acceptedOn: row.acceptedOn,
      acceptedBy: row.acceptedBy,
      signedFileName: row.signedFileName,
      declinedOn: row.declinedOn,
      status,
      statusLabel: QUOTE_STATUS_LABELS[status],
      total: toDecimalString(cents(row.totalCents)),
      vatLabel: vatText(modes.size === 1 ? (own[0]!.vat as VatTreatment) : 'mixed'),
      lines: own.map((l) => ({
        position: l.position,
        line: l.line,
        nature: l.nature,
        quantity: quantityText(l.quantityHundredths as Hundredths),
        unitPrice: toDecimalString(cents(l.unitPriceCents)),
        amount: toDecimalString(cents(l.amountCents)),
        vatLabel: vatText(l.vat as VatTreatment),
      })),
    };
  });
}

export async function listQuotes(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined }): Promise<QuoteView[]> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  return views(db, await listQuoteRows(db, principal.scope, filter), deps.clock.today());
}

export async function getQuote(deps: Deps, principal: Principal, id: string): Promise<QuoteView> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const [row] = await listQuoteRows(db, principal.scope, {}, id);
  if (!row) throw new NotFoundError('Devis');
  return (await views(db, [row], deps.clock.today()))[0]!;
}

/**
 * Prices each line from the grid in force on the issue date (its unit price: hourly, daily…), or from the
 * price typed for it when the grid has none (consulting "sur devis"). Every problem comes back with its line.
 */
async function pricedLines(db: Db, providerId: string, issuedOn: CivilDate, input: z.infer<typeof quoteInputSchema>['lines']): Promise<QuoteLine[]> {
  const { catalogue, grids } = await loadProviderPricing(db, providerId);
  const issues: Issue[] = [];
  const lines = input.map((line, i): QuoteLine | null => {
    const path = `lines[${i}]`;
    let quantity: Hundredths;
    try {
      quantity = parseQuantity(line.quantity);
    } catch (error) {
      issues.push({ path: `${path}.quantity`, message: (error as Error).message });
      return null;
    }
    const service = line.line ? catalogue.lines.find((l) => l.code === line.line) : undefined;
    if (line.line && !service) {
      issues.push({ path: `${path}.line`, message: `ligne « ${line.line} » inconnue du catalogue` });
      return null;
    }
    const nature = line.nature ?? service?.name;
    if (!nature) {
      issues.push({ path: `${path}.nature`, message: 'indiquez la nature de la prestation ou une ligne du catalogue' });
      return null;
    }
    if (line.unitPrice !== undefined) return { nature, quantity, unitPrice: parseEuros(line.unitPrice), vat: line.vat ?? { mode: 'not_subject' } };
    const lookup = line.line ? priceOn(grids, catalogue, line.line, line.options, issuedOn) : null;
    const unit = lookup?.ok ? lookup.price.perUnit : undefined;
    if (!lookup?.ok || unit === undefined) {
      issues.push({ path: `${path}.unitPrice`, message: lookup && !lookup.ok ? `${lookup.message} : indiquez le prix unitaire` : 'la grille ne donne pas de prix unitaire pour cette prestation : indiquez-le' });
      return null;
    }
    return { nature, quantity, unitPrice: unit as Cents, vat: lookup.price.vat };
  });
  if (issues.length) throw new ValidationError('Devis invalide', issues);
  return lines as QuoteLine[];
}

/** Seed 002 art. 4.1: a quote states the nature of each service, its quantity and its price. */
export async function createQuote(deps: Deps, principal: Principal, input: z.infer<typeof quoteInputSchema>): Promise<QuoteView> {
  require(principal, 'subscription:decide');
  assertActsFor(principal, input.providerId);
  const at = deps.clock.now();
  const issuedOn = input.issuedOn ? parseCivilDate(input.issuedOn) : deps.clock.today();
  if (compareCivilDates(parseCivilDate(input.validUntil), issuedOn) < 0) throw new ValidationError('Devis invalide', [{ path: 'validUntil', message: "précède la date d'émission" }]);
  const id = await deps.database.transaction(async ({ db }) => {
    if (!(await findOrganisation(db, principal.scope, input.organisationId))) throw new NotFoundError('Organisation');
    const totals = priceQuote(await pricedLines(db, input.providerId, issuedOn, input.lines));
    const quoteId = await insertQuote(
      db,
      {
        providerId: input.providerId,
        organisationId: input.organisationId,
        requestId: input.requestId ?? null,
        year: partsOf(issuedOn).year,
        subject: input.subject,
        issuedOn,
        validUntil: input.validUntil,
        totalCents: totals.total,
        createdAt: at.toISOString(),
      },
      totals.lines.map((l, position) => ({
        position: position + 1,
        line: input.lines[position]!.line ?? null,
        nature: l.nature,
        quantityHundredths: l.quantity,
        unitPriceCents: l.unitPrice,
        vat: l.vat,
        amountCents: l.amount,
      })),
    );
    await recordAudit(db, principal, at, { action: 'create', entityType: 'quote', entityId: quoteId, organisationId: input.organisationId, after: { ...input, issuedOn, total: toDecimalString(totals.total) } });
    return quoteId;
  });
  return getQuote(deps, principal, id);
}

async function changeQuote(deps: Deps, principal: Principal, id: string, change: (row: QuoteRow, db: Db) => Promise<Record<string, unknown>>): Promise<QuoteView> {
  const at = deps.clock.now();
  await deps.database.transaction(async ({ db }) => {
    const [row] = await listQuoteRows(db, principal.scope, {}, id);
    if (!row) throw new NotFoundError('Devis');
    const after = await change(row, db);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'quote', entityId: id, organisationId: row.organisationId, before: { sentOn: row.sentOn, acceptedOn: row.acceptedOn, declinedOn: row.declinedOn }, after });
  });
  return getQuote(deps, principal, id);
}

export async function sendQuote(deps: Deps, principal: Principal, id: string, input: z.infer<typeof quoteSendSchema>): Promise<QuoteView> {
  require(principal, 'subscription:decide');
  return changeQuote(deps, principal, id, async (row, db) => {
    assertActsFor(principal, row.providerId);
    if (row.sentOn) throw new ValidationError('Devis déjà envoyé', [{ path: 'sentOn', message: `envoyé le ${formatCivilDateFr(row.sentOn as CivilDate)}` }]);
    if (input.sentOn < row.issuedOn) throw new ValidationError('Date invalide', [{ path: 'sentOn', message: "précède l'émission du devis" }]);
    await updateQuote(db, row.id, { sentOn: input.sentOn });
    return input;
  });
}

/**
 * Records the member's signature: "la signature du devis vaut pour acceptation du prix" (seed 002 art. 4.1).
 * Provider staff record a signed paper copy; the member's own people may sign in the portal.
 */
export async function acceptQuote(deps: Deps, principal: Principal, id: string, input: z.infer<typeof quoteAcceptanceSchema>): Promise<QuoteView> {
  require(principal, principal.scope.kind === 'member' ? 'subscription:request' : 'subscription:decide');
  return changeQuote(deps, principal, id, async (row, db) => {
    if (principal.scope.kind !== 'member') assertActsFor(principal, row.providerId);
    else if (principal.scope.organisationId !== row.organisationId) throw new ForbiddenError();
    const error = acceptanceError({ sentOn: row.sentOn as CivilDate | null, validUntil: row.validUntil as CivilDate, acceptedOn: row.acceptedOn as CivilDate | null, declinedOn: row.declinedOn as CivilDate | null }, parseCivilDate(input.acceptedOn));
    if (error) throw new ValidationError('Acceptation impossible', [{ path: 'acceptedOn', message: error }]);
    const document = input.signedDocumentBase64 ? Buffer.from(input.signedDocumentBase64, 'base64') : null;
    if (document && !document.length) throw new ValidationError('Document illisible', [{ path: 'signedDocumentBase64', message: 'le contenu base64 est vide ou invalide' }]);
    await updateQuote(db, row.id, { acceptedOn: input.acceptedOn, acceptedBy: input.acceptedBy, signedFileName: document ? (input.signedFileName ?? `${row.number}-signe.pdf`) : null, signedDocument: document });
    return { acceptedOn: input.acceptedOn, acceptedBy: input.acceptedBy, signedDocumentBytes: document?.length ?? 0 };
  });
}

export async function declineQuote(deps: Deps, principal: Principal, id: string, input: z.infer<typeof quoteDeclineSchema>): Promise<QuoteView> {
  require(principal, principal.scope.kind === 'member' ? 'subscription:request' : 'subscription:decide');
  return changeQuote(deps, principal, id, async (row, db) => {
    if (principal.scope.kind !== 'member') assertActsFor(principal, row.providerId);
    if (row.acceptedOn || row.declinedOn) throw new ValidationError('Devis déjà clos', [{ path: 'declinedOn', message: row.acceptedOn ? `accepté le ${formatCivilDateFr(row.acceptedOn as CivilDate)}` : `refusé le ${formatCivilDateFr(row.declinedOn as CivilDate)}` }]);
    await updateQuote(db, row.id, { declinedOn: input.declinedOn });
    return input;
  });
}

export async function signedQuoteDocument(deps: Deps, principal: Principal, id: string): Promise<{ fileName: string; content: Buffer }> {
  await getQuote(deps, principal, id);
  const doc = await signedDocumentOf(deps.database.db, id);
  if (!doc?.content) throw new NotFoundError('Devis signé');
  return { fileName: doc.fileName ?? 'devis-signe.pdf', content: doc.content };
}

/** The quote as PDF, with the provider's name at the top. */
export async function quoteDocument(deps: Deps, principal: Principal, id: string): Promise<{ fileName: string; content: Buffer }> {
  const quote = await getQuote(deps, principal, id);
  const names = await organisationNames(deps.database.db, [quote.providerId]);
  return { fileName: `${quote.number}.pdf`, content: await quotePdf(quote, names.get(quote.providerId) ?? '') };
}
