import { z } from 'zod';
import { accountCreateSchema, accountSchema, loginSchema, passwordChangeSchema } from '../../contracts/auth.ts';
import { errorSchema } from '../../contracts/common.ts';
import { changePassword, createAccount, listAccountsFor, login, logout } from '../../services/auth-service.ts';
import type { Deps } from '../../services/context.ts';
import { authenticated, principalOf, SESSION_COOKIE } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

export function authRoutes(app: ZodApp, deps: Deps, options: { ttlHours: number; secureCookies: boolean }): void {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: options.secureCookies };

  app.post(
    '/api/v1/auth/login',
    { schema: { tags: ['Comptes'], summary: 'Se connecter', body: loginSchema, response: { 200: accountSchema, 401: errorSchema } } },
    async (request, reply) => {
      const { token, account, expiresAt } = await login(deps, request.body.email, request.body.password, options.ttlHours);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      return account;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['Comptes'], summary: 'Se déconnecter', response: { 204: z.null() } }, onRequest: authenticated },
    async (request, reply) => {
      await logout(deps, request.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['Comptes'], summary: 'Compte connecté', response: { 200: accountSchema, 401: errorSchema } }, onRequest: authenticated },
    async (request) => request.account!,
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: { tags: ['Comptes'], summary: 'Changer son mot de passe', body: passwordChangeSchema, response: { 204: z.null(), 422: errorSchema } },
      onRequest: authenticated,
    },
    async (request, reply) => {
      await changePassword(deps, principalOf(request), request.sessionToken!, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/accounts',
    { schema: { tags: ['Comptes'], summary: 'Comptes visibles', response: { 200: z.array(accountSchema), 403: errorSchema } }, onRequest: authenticated },
    async (request) => listAccountsFor(deps, principalOf(request)),
  );

  app.post(
    '/api/v1/accounts',
    {
      schema: { tags: ['Comptes'], summary: 'Créer un compte', body: accountCreateSchema, response: { 201: accountSchema, 403: errorSchema, 422: errorSchema } },
      onRequest: authenticated,
    },
    async (request, reply) => reply.status(201).send(await createAccount(deps, principalOf(request), request.body)),
  );
}
