import type { AuditEvent, AuditFilter } from './audit-event.js';

/** Append-only storage of audit events. */
export interface AuditRepository {
  append(event: Omit<AuditEvent, 'id'>): Promise<void>;
  /** Newest first unless `direction` is `asc`. */
  list(filter: AuditFilter, page: { offset: number; limit: number; direction?: 'asc' | 'desc' }): Promise<{ total: number; events: AuditEvent[] }>;
}
