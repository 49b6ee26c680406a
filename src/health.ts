import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Services } from './services.js';

/** `/healthz`: the process is up. `/readyz`: the store answers (503 otherwise). */
export function registerHealth(app: FastifyInstance, services: Services): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(services.store.db);
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', message: 'The database is unreachable.' });
    }
  });
}
