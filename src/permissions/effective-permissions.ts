import type { User } from '../users/user.js';
import { PERMISSION_NAMES } from './permission-names.js';
import type { PermissionRepository } from './permission-repository.js';

/** A user's own permissions plus their groups'; administrators hold all (DESIGN §5). */
export async function userPermissions(permissions: PermissionRepository, user: User): Promise<string[]> {
  if (user.isAdministrator) return [...PERMISSION_NAMES];
  return permissions.namesForUser(user.id);
}
