import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../contracts/auth.ts';
import { principalOfSession } from '../services/auth-service.ts';
import type { Deps, Principal } from '../services/context.ts';

export const SESSION_COOKIE = 'mutualis_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    account: Account | null;
    sessionToken: string | null;
  }
}

/** Reads the session cookie on every request and attaches who is calling; routes then `authenticated`. */
export function registerAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('account', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    // Cross-site writes are refused: cookies are SameSite=Strict and a foreign Origin is rejected.
    const origin = request.headers.origin;
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin && new URL(origin).host !== request.headers.host) {
      return reply.status(403).send({ error: 'forbidden', message: 'Origine de la requête refusée' });
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await principalOfSession(deps, token);
    if (!session) return;
    request.principal = session.principal;
    request.account = session.account;
    request.sessionToken = token;
  });
}

export async function authenticated(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.principal) {
    await reply.status(401).send({ error: 'unauthenticated', message: 'Connexion requise' });
  }
}

/** The caller, once `authenticated` ran as an onRequest hook. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route without the authenticated hook');
  return request.principal;
}
