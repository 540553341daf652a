import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import {
  invoiceCopySchema,
  invoiceImportResultSchema,
  invoicePaymentSchema,
  invoiceQuerySchema,
  operatorInvoiceSchema,
  operatorInvoiceSummarySchema,
  penaltyInputSchema,
  penaltyQuerySchema,
  penaltySchema,
} from '../../contracts/operator-invoices.ts';
import type { Deps } from '../../services/context.ts';
import {
  attachInvoiceCopy,
  downloadInvoiceCopy,
  getOperatorInvoice,
  importOperatorInvoices,
  listOperatorInvoices,
  listPenalties,
  markInvoicePaid,
  recordPenalty,
} from '../../services/consumption/operator-invoices.ts';
import { readInvoiceFile } from '../../services/consumption/record-files.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { fileBody, refuseFileErrors } from '../file-body.ts';
import { sendDocument } from '../send-document.ts';
import type { ZodApp } from '../types.ts';

const writeErrors = { 403: errorSchema, 404: errorSchema, 422: errorSchema };

/** Operator invoices passed through to members, their copies, and operator penalties (seed 000 art. 4.2). */
export function operatorInvoiceRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Consommations'];

  app.post(
    '/api/v1/providers/:id/operator-invoices/import',
    {
      schema: {
        tags,
        summary: 'Importer les lignes de factures d’opérateurs (CSV ou XLSX) : tout ou rien',
        description:
          'Une ligne par ligne de facture : opérateur, lot, facture, date de facture, début de période, fin de période, membre (SIREN ou INSEE), type de prestation (ligne « consommation refacturée » du catalogue), site, libellé, montant HT, TVA. Réimporter une facture identique ne change rien ; une facture déjà enregistrée avec un autre contenu est refusée.',
        params: idParamsSchema,
        querystring: z.object({ fileName: z.string().max(200).optional(), dryRun: z.coerce.boolean().default(false) }),
        response: { 200: invoiceImportResultSchema, ...writeErrors },
      },
      onRequest: authenticated,
    },
    async (request) => {
      const rows = await readInvoiceFile(await fileBody(request.body), request.headers['content-type'] ?? '');
      return refuseFileErrors(await importOperatorInvoices(deps, principalOf(request), request.params.id, rows, { fileName: request.query.fileName, dryRun: request.query.dryRun }));
    },
  );

  app.get(
    '/api/v1/operator-invoices',
    { schema: { tags, summary: 'Factures d’opérateurs dont la période facturée commence entre deux dates (personnel du fournisseur)', querystring: invoiceQuerySchema, response: { 200: z.array(operatorInvoiceSummarySchema), 403: errorSchema } }, onRequest: authenticated },
    async (request) => listOperatorInvoices(deps, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/operator-invoices/:id',
    { schema: { tags, summary: 'Une facture d’opérateur et ses lignes', params: idParamsSchema, response: { 200: operatorInvoiceSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => getOperatorInvoice(deps, principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/operator-invoices/:id/payment',
    { schema: { tags, summary: 'Enregistrer le règlement de la facture', params: idParamsSchema, body: invoicePaymentSchema, response: { 200: operatorInvoiceSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => markInvoicePaid(deps, principalOf(request), request.params.id, request.body.paidOn),
  );

  app.put(
    '/api/v1/operator-invoices/:id/copy',
    { schema: { tags, summary: 'Déposer le double de la facture (PDF ou image)', params: idParamsSchema, body: invoiceCopySchema, response: { 200: operatorInvoiceSchema, ...writeErrors } }, onRequest: authenticated, bodyLimit: 40 * 1024 * 1024 },
    async (request) => attachInvoiceCopy(deps, principalOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/operator-invoices/:id/copy',
    { schema: { tags, summary: 'Télécharger le double de la facture (un adhérent : s’il est seul concerné)', params: idParamsSchema }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, await downloadInvoiceCopy(deps, principalOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/providers/:id/penalties',
    { schema: { tags, summary: 'Enregistrer une pénalité perçue d’un opérateur pour un adhérent', params: idParamsSchema, body: penaltyInputSchema, response: { 201: penaltySchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await recordPenalty(deps, principalOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/penalties',
    { schema: { tags, summary: 'Pénalités perçues dans l’année (un adhérent voit les siennes)', querystring: penaltyQuerySchema, response: { 200: z.array(penaltySchema) } }, onRequest: authenticated },
    async (request) => listPenalties(deps, principalOf(request), request.query),
  );
}
