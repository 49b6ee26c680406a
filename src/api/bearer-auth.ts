import type { FastifyRequest } from 'fastify';
import { userPermissions } from '../permissions/effective-permissions.js';
import type { Services } from '../services.js';
import { grantedPermissions } from '../tokens/scopes.js';
import { ApiError } from './api-error.js';
import type { Principal } from './principal.js';

const REALM = 'gatehouse';

function challenge(error?: string, description?: string): string {
  const parts = [`realm="${REALM}"`];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description}"`);
  return `Bearer ${parts.join(', ')}`;
}

export function invalidToken(description = 'The access token is invalid, expired or revoked.') {
  return new ApiError('auth.invalid_token', 'Unauthenticated.').withHeader('WWW-Authenticate', challenge('invalid_token', description));
}

/**
 * RFC 6750 bearer authentication. Only the Authorization header is accepted: a token in
 * the URL is refused (§2.3, RFC 9700 §4.3.2), and a token sent two ways is a 400 (§3.1).
 */
export async function authenticateBearer(services: Services, request: FastifyRequest): Promise<Principal> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body as Record<string, unknown> | undefined;
  const header = request.headers.authorization;
  const inHeader = header !== undefined && /^bearer /i.test(header);
  if (query.access_token !== undefined) {
    throw new ApiError('request.invalid', 'Send the access token in the Authorization header, not the URL.')
      .withHeader('WWW-Authenticate', challenge('invalid_request'));
  }
  if (inHeader && body && typeof body === 'object' && 'access_token' in body) {
    throw new ApiError('request.invalid', 'Send the access token one way only.').withHeader('WWW-Authenticate', challenge('invalid_request'));
  }
  if (!inHeader) {
    throw new ApiError('auth.unauthenticated', 'Unauthenticated.').withHeader('WWW-Authenticate', challenge());
  }
  const token = header.slice(7).trim();
  const subject = token ? await services.verifier.activeSubject(token) : undefined;
  if (!subject || subject.client.revoked) throw invalidToken();
  const { token: record, client, user } = subject;
  if (record.userId === null) {
    return { kind: 'client', client, tokenId: record.id, scopes: record.scopes, permissions: grantedPermissions(record.scopes, client.permissions) };
  }
  if (!user || user.status !== 'ACTIVE') throw invalidToken();
  const held = await userPermissions(services.permissions, user);
  return { kind: 'user', user, client, tokenId: record.id, scopes: record.scopes, permissions: grantedPermissions(record.scopes, held) };
}

/** 403 `insufficient_scope` (RFC 6750 §3.1) unless the principal holds `permission`. */
export function requirePermission(principal: Principal, permission: string): void {
  if (!principal.permissions.includes(permission)) {
    throw new ApiError('auth.insufficient_scope', `This action requires the ${permission} permission.`).withHeader(
      'WWW-Authenticate',
      `${challenge('insufficient_scope')}, scope="${permission}"`,
    );
  }
}
