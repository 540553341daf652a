import { z } from 'zod';
import { errorSchema } from '../../contracts/common.ts';
import { DOCUMENT_KIND_VALUES } from '../../services/documents/document-data.ts';
import {
  agreementDocument,
  amendmentDocument,
  downloadTemplate,
  exitAcknowledgement,
  listTemplates,
  resetTemplate,
  uploadTemplate,
} from '../../services/agreements/agreement-documents.ts';
import type { Deps } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { sendDocument } from '../send-document.ts';
import type { ZodApp } from '../types.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const formatQuery = z.object({ format: z.enum(['docx', 'pdf']).default('pdf') });
const templateParams = z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KIND_VALUES) });
const templateInfoSchema = z.object({
  kind: z.enum(DOCUMENT_KIND_VALUES),
  label: z.string(),
  custom: z.object({ fileName: z.string(), uploadedAt: z.string() }).nullable(),
  tags: z.array(z.object({ tag: z.string(), description: z.string() })),
});


/** Documents generated from agreements (DOCX from a Word template, PDF) and the providers' own templates. */
export function documentRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Conventions et calendrier'];
  // A template is uploaded as the raw .docx body, up to 5 MB.
  app.addContentTypeParser(DOCX, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get(
    '/api/v1/agreements/:id/document',
    { schema: { tags, summary: 'La convention en DOCX (modèle Word) ou PDF', params: z.object({ id: z.uuid() }), querystring: formatQuery }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, await agreementDocument(deps, principalOf(request), request.params.id, request.query.format)),
  );

  app.get(
    '/api/v1/agreements/:id/amendments/:amendmentId/document',
    { schema: { tags, summary: "L'avenant en DOCX ou PDF", params: z.object({ id: z.uuid(), amendmentId: z.uuid() }), querystring: formatQuery }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, await amendmentDocument(deps, principalOf(request), request.params.id, request.params.amendmentId, request.query.format)),
  );

  app.get(
    '/api/v1/agreements/:id/exit-requests/:exitRequestId/acknowledgement',
    {
      schema: { tags, summary: "L'accusé de réception d'une dénonciation en DOCX ou PDF", params: z.object({ id: z.uuid(), exitRequestId: z.uuid() }), querystring: formatQuery },
      onRequest: authenticated,
    },
    async (request, reply) => sendDocument(reply, await exitAcknowledgement(deps, principalOf(request), request.params.id, request.params.exitRequestId, request.query.format)),
  );

  app.get(
    '/api/v1/providers/:id/document-templates',
    { schema: { tags, summary: 'Modèles Word du fournisseur et balises disponibles', params: z.object({ id: z.uuid() }), response: { 200: z.array(templateInfoSchema), 403: errorSchema } }, onRequest: authenticated },
    async (request) => listTemplates(deps, principalOf(request), request.params.id),
  );

  app.get(
    '/api/v1/providers/:id/document-templates/:kind',
    { schema: { tags, summary: 'Télécharger le modèle Word en vigueur (personnalisé, sinon intégré)', params: templateParams }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, await downloadTemplate(deps, principalOf(request), request.params.id, request.params.kind)),
  );

  app.put(
    '/api/v1/providers/:id/document-templates/:kind',
    {
      schema: {
        tags,
        summary: 'Déposer un modèle Word (corps : le fichier .docx) ; il est vérifié avant de remplacer le modèle intégré',
        params: templateParams,
        querystring: z.object({ fileName: z.string().trim().min(1).max(200).regex(/\.docx$/i, 'un fichier .docx est attendu').default('modele.docx') }),
        response: { 204: z.null(), 403: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new ValidationError('Fichier attendu', [{ path: 'body', message: `envoyez le fichier .docx avec l'en-tête Content-Type: ${DOCX}` }]);
      await uploadTemplate(deps, principalOf(request), request.params.id, request.params.kind, request.query.fileName, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/providers/:id/document-templates/:kind',
    { schema: { tags, summary: 'Revenir au modèle intégré', params: templateParams, response: { 204: z.null(), 403: errorSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request, reply) => {
      await resetTemplate(deps, principalOf(request), request.params.id, request.params.kind);
      return reply.status(204).send(null);
    },
  );
}
