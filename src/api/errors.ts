import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../services/errors.ts';

/** One mapping from use-case errors to HTTP answers; bodies always say what and where, in French. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === 'querystring' ? 'paramètre' : error.validationContext === 'params' ? 'chemin' : 'champ';
      return reply.status(400).send({
        error: 'validation',
        message: 'Requête invalide',
        issues: error.validation.map((v) => ({
          path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || `(${where})`,
          message: v.message ?? 'valeur invalide',
        })),
      });
    }
    if (error instanceof ValidationError) return reply.status(422).send({ error: 'validation', message: error.message, issues: error.issues });
    if (error instanceof NotFoundError) return reply.status(404).send({ error: 'not_found', message: error.message });
    if (error instanceof ForbiddenError) return reply.status(403).send({ error: 'forbidden', message: error.message });
    if (error instanceof ConflictError) return reply.status(409).send({ error: 'conflict', message: error.message });
    if (error instanceof AuthenticationError) return reply.status(401).send({ error: 'unauthenticated', message: error.message });
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response does not match its schema');
      return reply.status(500).send({ error: 'internal', message: 'Erreur interne' });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: error.code ?? 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: 'Erreur interne' });
  });
}
