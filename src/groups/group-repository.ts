import type { ListPage, ListQuery } from '../shared/list-query.js';
import type { User } from '../users/user.js';
import type { Group, GroupChanges, NewGroup } from './group.js';

export const GROUP_ORDER = ['id', 'name', 'status', 'created_at', 'updated_at'] as const;

/** Storage of groups and their members; implemented once per backend in src/storage/. */
export interface GroupRepository {
  /** Throws `UniqueViolation` when the name is taken. */
  create(group: NewGroup): Promise<Group>;
  findById(id: number): Promise<Group | undefined>;
  /** One page, searching name and description; `orderBy` is one of GROUP_ORDER. */
  page(query: ListQuery): Promise<ListPage<Group & { membersCount: number }>>;
  /** Throws `UniqueViolation` when the new name is taken; undefined when the id is unknown. */
  update(id: number, changes: GroupChanges): Promise<Group | undefined>;
  /** Removes the group with its memberships and permissions. */
  delete(id: number): Promise<boolean>;
  countMembers(groupId: number): Promise<number>;
  /** One page of the group's members, searched and sorted like users (USER_ORDER). */
  pageMembers(groupId: number, query: ListQuery): Promise<ListPage<User>>;
  /** False when the user was already a member. */
  addMember(groupId: number, userId: number): Promise<boolean>;
  /** False when the user was not a member. */
  removeMember(groupId: number, userId: number): Promise<boolean>;
  isMember(groupId: number, userId: number): Promise<boolean>;
  groupsOfUser(userId: number): Promise<Group[]>;
}
