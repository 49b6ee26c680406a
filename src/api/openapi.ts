import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { API_ERROR_CODES } from './api-error.js';

/**
 * The OpenAPI 3.1 document, generated from the API routes' own schemas, served at
 * `/api/1.0/openapi.json`, with Swagger UI at `/api/1.0/docs` (DESIGN §6). Both are public.
 * Must be registered before the API routes so that every route is collected.
 */
export async function registerOpenApi(app: FastifyInstance, issuer: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gatehouse REST API',
        version: '1.0',
        description:
          'Manage auth clients, users, groups, permissions, personal access tokens and the security log. ' +
          'Send an access token from `/oauth/token` as `Authorization: Bearer …`. Collections take ' +
          '`filter`, `order_by`, `order_direction`, `page` and `per_page`. Every error body is ' +
          '`{message, code, errors?}`; the codes are listed on each route and in the `ApiError` schema.',
      },
      servers: [{ url: issuer }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An access token (JWT) or a personal access token.' } },
        schemas: {
          ApiError: {
            type: 'object',
            required: ['message', 'code'],
            properties: {
              message: { type: 'string' },
              code: { type: 'string', enum: Object.keys(API_ERROR_CODES) },
              errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
            },
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
