import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../services/context.ts';
import { useFrenchValidationMessages } from '../contracts/common.ts';
import { registerAuthentication } from './auth-plugin.ts';
import { registerErrorHandler } from './errors.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { agreementRoutes } from './routes/agreement-routes.ts';
import { amendmentRoutes } from './routes/amendment-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { subscriptionRoutes } from './routes/subscription-routes.ts';
import { quoteRoutes } from './routes/quote-routes.ts';
import { costRoutes } from './routes/cost-routes.ts';
import { billingRoutes } from './routes/billing-routes.ts';
import { governanceRoutes } from './routes/governance-routes.ts';
import { timeEntryRoutes } from './routes/time-entry-routes.ts';
import { operatorInvoiceRoutes } from './routes/operator-invoice-routes.ts';
import { statementRoutes } from './routes/statement-routes.ts';
import { consumptionRoutes } from './routes/consumption-routes.ts';
import { catalogueRoutes } from './routes/catalogue-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { contactRoutes } from './routes/contact-routes.ts';
import { organisationRoutes } from './routes/organisation-routes.ts';
import type { ZodApp } from './types.ts';

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  sessionTtlHours: number;
  secureCookies: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web application; served when it exists. */
  webDist?: string;
}

export async function buildApp(deps: Deps, options: AppOptions): Promise<ZodApp> {
  useFrenchValidationMessages();
  const app = Fastify({ logger: options.logger ?? false, trustProxy: true }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Mutualis API', version: '1', description: "API du service informatique mutualisé : registre, adhésions, contacts, comptes, journal." },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mutualis_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthentication(app, deps);
  authRoutes(app, deps, { ttlHours: options.sessionTtlHours, secureCookies: options.secureCookies });
  organisationRoutes(app, deps);
  contactRoutes(app, deps);
  adminRoutes(app, deps);
  catalogueRoutes(app, deps);
  agreementRoutes(app, deps);
  amendmentRoutes(app, deps);
  documentRoutes(app, deps);
  subscriptionRoutes(app, deps);
  quoteRoutes(app, deps);
  consumptionRoutes(app, deps);
  timeEntryRoutes(app, deps);
  operatorInvoiceRoutes(app, deps);
  statementRoutes(app, deps);
  billingRoutes(app, deps);
  governanceRoutes(app, deps);
  costRoutes(app, deps);

  const webDist = options.webDist ?? WEB_DIST;
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the application shell.
    app.setNotFoundHandler((request, reply) => {
      // Client-side routes get the shell; a missing built file (stale tab after a rebuild) is a real 404.
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: 'not_found', message: `Route inconnue : ${request.method} ${request.url.split('?')[0]}` });
    });
  } else {
    app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: 'not_found', message: `Route inconnue : ${request.method} ${request.url.split('?')[0]}` }));
  }
  return app;
}
