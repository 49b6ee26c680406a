import type { Kysely } from 'kysely';
import type { PermissionRepository } from '../permissions/permission-repository.js';
import type { Database } from './schema.js';

export function createPermissionStore(db: Kysely<Database>): PermissionRepository {
  return {
    async ensure(definitions) {
      const existing = new Set((await db.selectFrom('permissions').select('name').execute()).map((r) => r.name));
      const missing = definitions.filter((d) => !existing.has(d.name));
      if (missing.length > 0) await db.insertInto('permissions').values(missing).execute();
    },
    async namesForUser(userId) {
      const direct = db
        .selectFrom('user_permissions')
        .innerJoin('permissions', 'permissions.id', 'user_permissions.permission_id')
        .select('permissions.name')
        .where('user_permissions.user_id', '=', userId);
      const viaGroups = db
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .innerJoin('group_permissions', 'group_permissions.group_id', 'group_members.group_id')
        .innerJoin('permissions', 'permissions.id', 'group_permissions.permission_id')
        .select('permissions.name')
        .where('group_members.user_id', '=', userId)
        .where('groups.status', '=', 'ACTIVE');
      const rows = await direct.union(viaGroups).execute();
      return rows.map((r) => r.name).sort();
    },
    async list() {
      return db.selectFrom('permissions').selectAll().orderBy('name').execute();
    },
    async directNamesForUser(userId) {
      const rows = await db
        .selectFrom('user_permissions')
        .innerJoin('permissions', 'permissions.id', 'user_permissions.permission_id')
        .select('permissions.name')
        .where('user_permissions.user_id', '=', userId)
        .orderBy('permissions.name')
        .execute();
      return rows.map((r) => r.name);
    },
    async setForUser(userId, names) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('user_permissions').where('user_id', '=', userId).execute();
        if (names.length === 0) return;
        await trx
          .insertInto('user_permissions')
          .columns(['user_id', 'permission_id'])
          .expression((eb) => eb.selectFrom('permissions').select([eb.lit(Math.trunc(userId)).as('user_id'), 'id']).where('name', 'in', names))
          .execute();
      });
    },
    async namesForGroup(groupId) {
      const rows = await db
        .selectFrom('group_permissions')
        .innerJoin('permissions', 'permissions.id', 'group_permissions.permission_id')
        .select('permissions.name')
        .where('group_permissions.group_id', '=', groupId)
        .orderBy('permissions.name')
        .execute();
      return rows.map((r) => r.name);
    },
    async setForGroup(groupId, names) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('group_permissions').where('group_id', '=', groupId).execute();
        if (names.length === 0) return;
        await trx
          .insertInto('group_permissions')
          .columns(['group_id', 'permission_id'])
          .expression((eb) => eb.selectFrom('permissions').select([eb.lit(Math.trunc(groupId)).as('group_id'), 'id']).where('name', 'in', names))
          .execute();
      });
    },
  };
}
