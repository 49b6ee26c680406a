import type { AuditContext } from '../audit/audit-log.js';
import { ForbiddenError } from '../shared/forbidden-error.js';
import { PERMISSION_NAMES } from './permission-names.js';

/** The subject of a request as domain services see it (DESIGN §5). */
export interface Acting {
  /** The acting user, or null when a client acts for itself (`client_credentials`). */
  userId: number | null;
  clientId: number | null;
  administrator: boolean;
  /** The subject's permissions intersected with the token's scopes. */
  permissions: readonly string[];
  tokenScopes: readonly string[];
  context: AuditContext;
}

export function unknownPermissions(names: readonly string[]): string[] {
  return names.filter((n) => !PERMISSION_NAMES.includes(n));
}

/**
 * No escalation by proxy: a caller grants only permissions it holds itself, so that it cannot
 * create a stronger account (or client) and then act through it.
 */
export function assertCanGrant(acting: Acting, names: readonly string[]): void {
  const missing = names.filter((n) => !acting.permissions.includes(n));
  if (missing.length > 0) throw new ForbiddenError(`You cannot grant a permission you do not hold: ${missing.join(', ')}.`);
}

export function assertAdministrator(acting: Acting, what: string): void {
  if (!acting.administrator) throw new ForbiddenError(`Only an administrator can ${what}.`);
}
