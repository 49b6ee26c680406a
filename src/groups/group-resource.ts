import type { Group } from './group.js';

/** A group as the API shows it: wire names and ISO times. */
export function groupResource(group: Group, membersCount: number) {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    status: group.status,
    members_count: membersCount,
    created_at: new Date(group.createdAt).toISOString(),
    updated_at: new Date(group.updatedAt).toISOString(),
  };
}
