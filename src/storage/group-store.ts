import type { Kysely, Selectable } from 'kysely';
import type { Group } from '../groups/group.js';
import type { GroupRepository } from '../groups/group-repository.js';
import { listPage } from './list-page.js';
import { uniqueName } from './rows.js';
import type { Database, GroupsTable, UsersTable } from './schema.js';
import { toUser, USER_PAGE } from './user-store.js';

function toGroup(row: Selectable<GroupsTable>): Group {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createGroupStore(db: Kysely<Database>, now: () => number): GroupRepository {
  const count = async (groupId: number) => {
    const row = await db
      .selectFrom('group_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('group_id', '=', groupId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    async create(group) {
      const at = now();
      const row = await uniqueName(
        db
          .insertInto('groups')
          .values({ name: group.name, description: group.description ?? '', status: group.status ?? 'ACTIVE', created_at: at, updated_at: at })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toGroup(row);
    },
    async findById(id) {
      const row = await db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toGroup(row);
    },
    async page(query) {
      const page = await listPage(db.selectFrom('groups'), query, {
        select: (qb) =>
          qb.selectAll('groups').select((eb) =>
            eb.selectFrom('group_members').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('group_members.group_id', '=', 'groups.id').as('members_count'),
          ),
        searchColumns: ['groups.name', 'groups.description'],
        orderColumns: { id: 'groups.id', name: 'groups.name', status: 'groups.status', created_at: 'groups.created_at', updated_at: 'groups.updated_at' },
        idColumn: 'groups.id',
      });
      const items = page.items.map((row) => {
        const { members_count, ...group } = row as Selectable<GroupsTable> & { members_count: number | string };
        return { ...toGroup(group), membersCount: Number(members_count) };
      });
      return { total: page.total, items };
    },
    async update(id, changes) {
      const row = await uniqueName(
        db
          .updateTable('groups')
          .set({
            ...(changes.name !== undefined ? { name: changes.name } : {}),
            ...(changes.description !== undefined ? { description: changes.description } : {}),
            ...(changes.status !== undefined ? { status: changes.status } : {}),
            updated_at: now(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst(),
      );
      return row && toGroup(row);
    },
    async delete(id) {
      const result = await db.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    countMembers: count,
    async pageMembers(groupId, query) {
      const base = db.selectFrom('users').innerJoin('group_members', 'group_members.user_id', 'users.id').where('group_members.group_id', '=', groupId);
      const page = await listPage(base, query, { ...USER_PAGE, select: (qb) => qb.selectAll('users') });
      return { total: page.total, items: page.items.map((row) => toUser(row as Selectable<UsersTable>)) };
    },
    async addMember(groupId, userId) {
      const result = await db
        .insertInto('group_members')
        .values({ group_id: groupId, user_id: userId })
        .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async removeMember(groupId, userId) {
      const result = await db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async isMember(groupId, userId) {
      const row = await db.selectFrom('group_members').select('user_id').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
      return row !== undefined;
    },
    async groupsOfUser(userId) {
      const rows = await db
        .selectFrom('groups')
        .innerJoin('group_members', 'group_members.group_id', 'groups.id')
        .selectAll('groups')
        .where('group_members.user_id', '=', userId)
        .orderBy('groups.name')
        .execute();
      return rows.map(toGroup);
    },
  };
}
