import type { FastifyInstance } from 'fastify';
import { collection, collectionSchema } from '../api/pagination.js';
import { apiRoute } from '../api/route-schema.js';
import type { Services } from '../services.js';
import type { AuditEvent } from './audit-event.js';
import { securityLogQuerystring, securityLogSchema, type SecurityLogQuerystring } from './security-log-schemas.js';

export function securityLogResource(event: AuditEvent) {
  return {
    id: event.id,
    event: event.event,
    actor: event.actor ? { type: event.actor.type, id: event.actor.id, name: event.actor.name ?? null } : null,
    target: event.target,
    ip: event.ip,
    user_agent: event.userAgent,
    details: event.details,
    created_at: new Date(event.createdAt).toISOString(),
  };
}

/** `GET /security_logs` (DESIGN §6): who did what to which target, from where, and when. */
export function registerSecurityLogRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Querystring: SecurityLogQuerystring }>(
    '/security_logs',
    apiRoute('view-security_logs', {
      summary: 'List security log events',
      description: 'Newest first by default. `filter` searches the event name and the actor\'s name.',
      tags: ['Security Logs'],
      querystring: securityLogQuerystring,
      response: { 200: collectionSchema(securityLogSchema) },
    }),
    async (request) => {
      const q = request.query;
      const search = q.filter?.trim();
      const { total, events } = await services.auditEvents.list(
        {
          search: search ? search : undefined,
          event: q.event,
          actorType: q.actor_type,
          actorId: q.actor_id,
          targetType: q.target_type,
          targetId: q.target_id,
          from: q.from === undefined ? undefined : Date.parse(q.from),
          to: q.to === undefined ? undefined : Date.parse(q.to),
        },
        { offset: (q.page - 1) * q.per_page, limit: q.per_page, direction: q.order_direction },
      );
      return collection(events.map(securityLogResource), total, q);
    },
  );
}
