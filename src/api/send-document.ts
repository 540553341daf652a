import type { FastifyReply } from 'fastify';
import type { RenderedDocument } from '../services/agreements/agreement-documents.ts';

/** Sends a generated document as a download. */
export function sendDocument(reply: FastifyReply, doc: RenderedDocument): FastifyReply {
  return reply.header('content-type', doc.contentType).header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.content);
}
