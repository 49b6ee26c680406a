import type { User } from './user.js';

/** A user as the API shows it: wire names, ISO times, never the password hash. */
export function userResource(user: User) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstname: user.firstname,
    lastname: user.lastname,
    status: user.status,
    is_administrator: user.isAdministrator,
    created_at: new Date(user.createdAt).toISOString(),
    updated_at: new Date(user.updatedAt).toISOString(),
  };
}
