import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { SESSION_COOKIE } from '../auth/auth-context.js';
import { SessionService } from '../auth/session.service.js';
import { AppError } from '../common/errors/app-error.js';
import { routeNotFound } from '../common/errors/to-api-error.js';
import type { AppConfig } from '../config/app-config.js';

const UI_PATH = '/api/docs';
const JSON_PATH = '/api/openapi.json';

/** Matched by route pattern, not raw URL, so an encoded or re-cased path cannot slip past. */
const isDocsRoute = (route: string | undefined) => route === JSON_PATH || route === UI_PATH || !!route?.startsWith(`${UI_PATH}/`);

/**
 * Serves the OpenAPI document and Swagger UI as API_DOCS says: `off` registers nothing (404
 * like any unknown endpoint); `admins` asks the access gate on every docs request and answers
 * anyone else exactly as for an unknown endpoint, so their existence is not advertised.
 */
export function setUpApiDocs(app: NestFastifyApplication, fastify: FastifyInstance, config: AppConfig): void {
  if (config.apiDocs === 'off') return;
  if (config.apiDocs === 'admins') gateToAdmins(app, fastify);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kindred API')
      .setDescription('Peer-support community for survivors of trauma. Errors share one shape: { statusCode, code, message, details? }.')
      .setVersion(config.version)
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup(UI_PATH.slice(1), app, document, {
    jsonDocumentUrl: JSON_PATH.slice(1),
    raw: ['json'],
    customSiteTitle: 'Kindred API',
  });
}

function gateToAdmins(app: NestFastifyApplication, fastify: FastifyInstance): void {
  const sessions = app.get(SessionService);
  const access = app.get(AccessService);
  // Swagger's routes are plain Fastify routes outside Nest's guards, so the gate is asked here.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isDocsRoute(request.routeOptions.url)) return;
    const token = request.cookies?.[SESSION_COOKIE];
    const auth = token ? await sessions.resolve(token) : undefined;
    try {
      await access.require({ user: auth?.user, action: Action.ApiDocsView });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await reply.status(404).type('application/json; charset=utf-8').send(routeNotFound());
    }
  });
}
