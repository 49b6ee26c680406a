import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { userResource } from '../users/user-resource.js';

/** `GET /me`: the token's subject (user or client) and its effective permissions (DESIGN §6). */
export function registerMeRoutes(app: FastifyInstance, _services: Services): void {
  app.get('/me', { config: { permission: 'authenticated' } }, async (request) => {
    const principal = request.principal!;
    const common = { client_id: principal.client.id, scopes: principal.scopes, permissions: principal.permissions };
    if (principal.kind === 'user') return { type: 'user', ...userResource(principal.user!), ...common };
    return { type: 'client', id: principal.client.id, name: principal.client.name, ...common };
  });
}
