import type { Clock } from '../crypto/clock.js';
import type { Actor, AuditEvent } from './audit-event.js';
import type { AuditRepository } from './audit-repository.js';

/** Who did it and from where; taken from the request (or `system` for the CLI). */
export interface AuditContext {
  actor: Actor | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditRecord extends AuditContext {
  /** `<entity>.<verb>`, e.g. `auth_client.created`. */
  event: string;
  target?: { type: string; id: string; name?: string } | null;
  /** Never a secret, password or token: callers pass identifiers and names only. */
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditRecord): Promise<void>;
}

export const SYSTEM_CONTEXT: AuditContext = { actor: { type: 'system', id: 'cli', name: 'gatehouse CLI' } };

/** The stored form of a record: a target's name is kept in `details`, beside what the caller gave. */
export function toAuditEvent({ event, actor, target, ip, userAgent, details }: AuditRecord, createdAt: number): Omit<AuditEvent, 'id'> {
  return {
    event,
    actor,
    target: target ? { type: target.type, id: target.id } : null,
    ip: ip ?? null,
    userAgent: userAgent ?? null,
    details: target?.name ? { name: target.name, ...details } : (details ?? {}),
    createdAt,
  };
}

export function createAuditLog(repository: AuditRepository, clock: Clock): AuditLog {
  return {
    record: (entry) => repository.append(toAuditEvent(entry, clock.now())),
  };
}
