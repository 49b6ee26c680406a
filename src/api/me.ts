import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import type { User } from '../users/user.js';
import { userResource } from '../users/user-resource.js';
import type { Principal } from './principal.js';
import { apiRoute, timestamp } from './route-schema.js';

/** The `/me` resource; `PUT /me` answers with it too. */
export const meSchema = {
  type: 'object',
  required: ['type', 'id', 'client_id', 'scopes', 'permissions'],
  properties: {
    type: { type: 'string', enum: ['user', 'client'] },
    id: { type: 'integer' },
    name: { type: 'string', description: 'For a client.' },
    username: { type: 'string', description: 'For a user (as are the other user fields).' },
    email: { type: 'string' },
    firstname: { type: 'string' },
    lastname: { type: 'string' },
    status: { type: 'string' },
    is_administrator: { type: 'boolean' },
    created_at: timestamp,
    updated_at: timestamp,
    client_id: { type: 'integer', description: 'The client the token was issued to.' },
    scopes: { type: 'array', items: { type: 'string' } },
    permissions: { type: 'array', items: { type: 'string' }, description: "The subject's permissions within the token's scopes." },
  },
} as const;

/** `GET /me`: the token's subject (user or client) and its effective permissions (DESIGN §6). */
export function registerMeRoutes(app: FastifyInstance, _services: Services): void {
  app.get(
    '/me',
    apiRoute('authenticated', { summary: "The token's subject and its permissions", tags: ['Me'], response: { 200: meSchema } }),
    async (request) => meResource(request.principal!),
  );
}

/** The principal as `/me` shows it; `user` replaces the principal's user after a change. */
export function meResource(principal: Principal, user: User | undefined = principal.user) {
  const common = { client_id: principal.client.id, scopes: principal.scopes, permissions: principal.permissions };
  if (principal.kind === 'user') return { type: 'user', ...userResource(user!), ...common };
  return { type: 'client', id: principal.client.id, name: principal.client.name, ...common };
}
