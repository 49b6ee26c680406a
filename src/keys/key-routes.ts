import type { FastifyInstance } from 'fastify';
import { actingOf, apiAuditContext } from '../api/principal-context.js';
import { apiRoute, timestamp } from '../api/route-schema.js';
import { SIGNING_ALGS, type SigningAlg } from '../config/config.js';
import { assertAdministrator } from '../permissions/acting.js';
import type { Services } from '../services.js';

const tags = ['Signing keys'];

const keySchema = {
  type: 'object',
  properties: {
    kid: { type: 'string' },
    alg: { type: 'string', enum: [...SIGNING_ALGS] },
    state: { type: 'string', enum: ['next', 'active', 'retired'] },
    created_at: timestamp,
    activated_at: timestamp,
    publish_until: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

/**
 * `/keys`: the published signing keys and their rotation (the API twin of `gatehouse keys`).
 * Administrators only; private keys never leave the store.
 */
export function registerKeyRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/keys',
    apiRoute('authenticated', {
      summary: 'List the signing keys',
      description: 'Administrators only.',
      tags,
      response: { 200: { type: 'object', properties: { data: { type: 'array', items: keySchema } } } },
      errors: ['auth.forbidden'],
    }),
    async (request) => {
      assertAdministrator(actingOf(request), 'list signing keys');
      return { data: await services.keyService.list() };
    },
  );

  app.post<{ Body: { alg?: SigningAlg; activate_in_seconds?: number } }>(
    '/keys/rotate',
    apiRoute('authenticated', {
      summary: 'Rotate a signing key',
      description: 'Publishes a new key at once; it signs after `activate_in_seconds` (default 0). The keys it replaces stay published until their tokens expire. Administrators only.',
      tags,
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          alg: { type: 'string', enum: [...SIGNING_ALGS] },
          activate_in_seconds: { type: 'integer', minimum: 0, maximum: 86_400 },
        },
      },
      response: { 201: keySchema },
      errors: ['auth.forbidden'],
    }),
    async (request, reply) => {
      assertAdministrator(actingOf(request), 'rotate signing keys');
      const alg = request.body?.alg ?? services.config.signingAlg;
      const key = await services.keyService.rotate(alg, request.body?.activate_in_seconds ?? 0);
      await services.audit.record({ ...apiAuditContext(request), event: 'signing_key.rotated', target: { type: 'signing_key', id: key.kid }, details: { alg } });
      const listed = (await services.keyService.list()).find((k) => k.kid === key.kid);
      return reply.code(201).send(listed);
    },
  );
}
