import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit-event.js';
import type { AuditContext } from '../audit/audit-log.js';

/** Audit context of an HTTP request: the actor plus its IP and user agent. */
export function auditContext(request: FastifyRequest, actor: Actor | null): AuditContext {
  const userAgent = request.headers['user-agent'];
  return { actor, ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null };
}
