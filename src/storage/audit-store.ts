import type { Insertable, Kysely } from 'kysely';
import type { AuditEvent, AuditFilter } from '../audit/audit-event.js';
import type { AuditRepository } from '../audit/audit-repository.js';
import { matchesAny } from './list-page.js';
import { preparedInsert } from './prepared.js';
import type { AuditEventsTable, Database } from './schema.js';

const clean = <T extends string | null | undefined>(value: T): T => (typeof value === 'string' ? (value.replace(/\u0000/g, '') as T) : value);

/** The row of an event. Audit fields echo request input (user agents, attempted usernames): NULs are dropped. */
export function auditRow(event: Omit<AuditEvent, 'id'>): Insertable<AuditEventsTable> {
  return {
    event: event.event,
    actor_type: event.actor?.type ?? null,
    actor_id: clean(event.actor?.id ?? null),
    actor_name: clean(event.actor?.name ?? null),
    target_type: event.target?.type ?? null,
    target_id: clean(event.target?.id ?? null),
    ip: event.ip,
    user_agent: clean(event.userAgent),
    details: JSON.stringify(event.details),
    created_at: event.createdAt,
  };
}

/**
 * The insert of one event, compiled once (one runs per password grant); `bound` lets another
 * store write an event in the same transaction as what it records.
 */
export function preparedAuditInsert(db: Kysely<Database>) {
  const insert = preparedInsert<Insertable<AuditEventsTable>>(db, 'audit_events', [
    'event', 'actor_type', 'actor_id', 'actor_name', 'target_type', 'target_id', 'ip', 'user_agent', 'details', 'created_at',
  ]);
  return {
    run: (event: Omit<AuditEvent, 'id'>) => insert(auditRow(event)),
    bound: (event: Omit<AuditEvent, 'id'>) => insert.bound(auditRow(event)),
  };
}

export function createAuditStore(db: Kysely<Database>): AuditRepository {
  const insert = preparedAuditInsert(db);
  function filtered(filter: AuditFilter) {
    let query = db.selectFrom('audit_events');
    if (filter.search !== undefined) query = query.where(matchesAny(['event', 'actor_name'], filter.search));
    if (filter.actorType !== undefined) query = query.where('actor_type', '=', filter.actorType);
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
    if (filter.event !== undefined) query = query.where('event', '=', filter.event);
    if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('created_at', '<=', filter.to);
    return query;
  }
  return {
    async append(event) {
      await insert.run(event);
    },
    async list(filter, page) {
      const { n } = await filtered(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await filtered(filter).selectAll().orderBy('id', page.direction ?? 'desc').offset(page.offset).limit(page.limit).execute();
      return {
        total: Number(n),
        events: rows.map((row) => ({
          id: row.id,
          event: row.event,
          actor: row.actor_type ? { type: row.actor_type as any, id: row.actor_id ?? '', name: row.actor_name ?? undefined } : null,
          target: row.target_type ? { type: row.target_type, id: row.target_id ?? '' } : null,
          ip: row.ip,
          userAgent: row.user_agent,
          details: JSON.parse(row.details),
          createdAt: row.created_at,
        })),
      };
    },
  };
}
