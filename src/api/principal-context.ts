import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit-event.js';
import type { AuditContext } from '../audit/audit-log.js';
import { auditContext } from '../oauth/request-context.js';
import type { Acting } from '../permissions/acting.js';
import { PERMISSION_NAMES } from '../permissions/permission-names.js';
import type { Principal } from './principal.js';

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('API route ran without a principal');
  return request.principal;
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { type: 'user', id: String(principal.user!.id), name: principal.user!.username }
    : { type: 'client', id: String(principal.client.id), name: principal.client.name };
}

/** Who acts, from where: the audit context of an API request. */
export function apiAuditContext(request: FastifyRequest): AuditContext {
  return auditContext(request, actorOf(principalOf(request)));
}

/**
 * What the caller may do in this request: an administrator counts as one only with a token
 * that carries all permissions, so a narrowed token never acts with the administrator's reach.
 */
export function actingOf(request: FastifyRequest): Acting {
  const principal = principalOf(request);
  const holdsAll = PERMISSION_NAMES.every((p) => principal.permissions.includes(p));
  return {
    userId: principal.kind === 'user' ? principal.user!.id : null,
    clientId: principal.kind === 'client' ? principal.client.id : null,
    administrator: principal.kind === 'user' && principal.user!.isAdministrator && holdsAll,
    permissions: principal.permissions,
    tokenScopes: principal.scopes,
    context: apiAuditContext(request),
  };
}
