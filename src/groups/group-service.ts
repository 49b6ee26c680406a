import type { AuditLog } from '../audit/audit-log.js';
import { assertCanGrant, type Acting } from '../permissions/acting.js';
import type { PermissionRepository } from '../permissions/permission-repository.js';
import { ForbiddenError } from '../shared/forbidden-error.js';
import { UniqueViolation, ValidationError } from '../shared/validation-error.js';
import type { Group, GroupStatus } from './group.js';
import type { GroupRepository } from './group-repository.js';

export interface GroupInput {
  name?: string;
  description?: string;
  status?: GroupStatus;
  permissions?: string[];
}

export type GroupService = ReturnType<typeof createGroupService>;

const taken = (error: unknown) => (error instanceof UniqueViolation ? ValidationError.field('name', 'The name has already been taken.') : error);
const target = (group: Group) => ({ type: 'group', id: String(group.id), name: group.name });

/**
 * Group lifecycle (DESIGN §5). A member holds the group's permissions while it is ACTIVE, so
 * outside administrators: only someone holding all of a group's permissions changes it or
 * its members, nobody adds themselves, and members do not change their own group's grants.
 */
export function createGroupService(deps: { groups: GroupRepository; permissions: PermissionRepository; audit: AuditLog }) {
  const { groups, permissions, audit } = deps;

  async function assertCanManage(acting: Acting, group: Group): Promise<string[]> {
    const held = await permissions.namesForGroup(group.id);
    if (acting.administrator) return held;
    const beyond = held.filter((p) => !acting.permissions.includes(p));
    if (beyond.length > 0) throw new ForbiddenError(`You cannot change a group that holds permissions you do not: ${beyond.join(', ')}.`);
    return held;
  }

  async function assertNotOwnGrant(acting: Acting, group: Group): Promise<void> {
    if (acting.administrator || acting.userId === null) return;
    if (await groups.isMember(group.id, acting.userId)) throw new ForbiddenError('You cannot change the permissions or status of a group you belong to.');
  }

  return {
    async create(input: GroupInput & { name: string }, acting: Acting): Promise<Group> {
      assertCanGrant(acting, input.permissions ?? []);
      const group = await groups.create(input).catch((error) => Promise.reject(taken(error)));
      if (input.permissions?.length) await permissions.setForGroup(group.id, input.permissions);
      await audit.record({ ...acting.context, event: 'group.created', target: target(group), details: { permissions: input.permissions ?? [] } });
      return group;
    },

    async update(group: Group, input: GroupInput, acting: Acting): Promise<Group> {
      const held = await assertCanManage(acting, group);
      if (input.permissions !== undefined || (input.status !== undefined && input.status !== group.status)) await assertNotOwnGrant(acting, group);
      if (input.permissions !== undefined) assertCanGrant(acting, input.permissions.filter((p) => !held.includes(p)));
      const updated = await groups.update(group.id, input).catch((error) => Promise.reject(taken(error)));
      if (!updated) throw new Error('group vanished during update');
      if (input.permissions !== undefined) await permissions.setForGroup(group.id, input.permissions);
      const fields = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
      await audit.record({ ...acting.context, event: 'group.updated', target: target(updated), details: { fields, ...(input.permissions ? { permissions: input.permissions } : {}) } });
      return updated;
    },

    async delete(group: Group, acting: Acting): Promise<void> {
      await assertCanManage(acting, group);
      await groups.delete(group.id);
      await audit.record({ ...acting.context, event: 'group.deleted', target: target(group) });
    },

    /** False when the user already was a member. */
    async addMember(group: Group, userId: number, acting: Acting): Promise<boolean> {
      await assertCanManage(acting, group);
      if (!acting.administrator && acting.userId === userId) throw new ForbiddenError('You cannot add yourself to a group.');
      const added = await groups.addMember(group.id, userId);
      if (added) await audit.record({ ...acting.context, event: 'group.member_added', target: target(group), details: { user_id: userId } });
      return added;
    },

    /** False when the user was not a member. */
    async removeMember(group: Group, userId: number, acting: Acting): Promise<boolean> {
      await assertCanManage(acting, group);
      const removed = await groups.removeMember(group.id, userId);
      if (removed) await audit.record({ ...acting.context, event: 'group.member_removed', target: target(group), details: { user_id: userId } });
      return removed;
    },
  };
}
