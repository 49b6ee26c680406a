import type { Kysely } from 'kysely';
import type { PermissionRepository } from '../permissions/permission-repository.js';
import type { Database } from './schema.js';

/** The two tables that grant permissions, and the column naming who holds them. */
const HOLDERS = {
  user: { table: 'user_permissions', column: 'user_id' },
  group: { table: 'group_permissions', column: 'group_id' },
} as const;
type Holder = keyof typeof HOLDERS;

export function createPermissionStore(db: Kysely<Database>): PermissionRepository {
  // The holder tables share one shape; Kysely cannot type a table chosen at run time.
  const any = db as unknown as Kysely<any>;

  /** Names granted directly to one user or one group. */
  function heldBy(holder: Holder, id: number) {
    const { table, column } = HOLDERS[holder];
    return any
      .selectFrom(table)
      .innerJoin('permissions', 'permissions.id', `${table}.permission_id`)
      .select('permissions.name')
      .where(`${table}.${column}`, '=', id);
  }

  async function namesHeldBy(holder: Holder, id: number): Promise<string[]> {
    const rows = await heldBy(holder, id).orderBy('permissions.name').execute();
    return rows.map((r: { name: string }) => r.name);
  }

  /** Replaces what one user or group holds, in one transaction; unknown names are ignored. */
  async function setFor(holder: Holder, id: number, names: readonly string[]): Promise<void> {
    const { table, column } = HOLDERS[holder];
    await any.transaction().execute(async (trx) => {
      await trx.deleteFrom(table).where(column, '=', id).execute();
      if (names.length === 0) return;
      await trx
        .insertInto(table)
        .columns([column, 'permission_id'])
        .expression((eb) => eb.selectFrom('permissions').select([eb.lit(Math.trunc(id)).as(column), 'id']).where('name', 'in', names))
        .execute();
    });
  }

  return {
    async ensure(definitions) {
      const existing = new Set((await db.selectFrom('permissions').select('name').execute()).map((r) => r.name));
      const missing = definitions.filter((d) => !existing.has(d.name));
      if (missing.length > 0) await db.insertInto('permissions').values(missing).execute();
    },
    async namesForUser(userId) {
      const viaGroups = db
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .innerJoin('group_permissions', 'group_permissions.group_id', 'group_members.group_id')
        .innerJoin('permissions', 'permissions.id', 'group_permissions.permission_id')
        .select('permissions.name')
        .where('group_members.user_id', '=', userId)
        .where('groups.status', '=', 'ACTIVE');
      const rows = await heldBy('user', userId).union(viaGroups).execute();
      return rows.map((r: { name: string }) => r.name).sort();
    },
    async list() {
      return db.selectFrom('permissions').selectAll().orderBy('name').execute();
    },
    directNamesForUser: (userId) => namesHeldBy('user', userId),
    setForUser: (userId, names) => setFor('user', userId, names),
    namesForGroup: (groupId) => namesHeldBy('group', groupId),
    setForGroup: (groupId, names) => setFor('group', groupId, names),
  };
}
