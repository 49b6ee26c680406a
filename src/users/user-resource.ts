import type { User } from './user.js';

type UserResource = ReturnType<typeof toResource>;

/** Frozen users are shared (cached bearer checks), so their resource is made once. */
const shared = new WeakMap<User, UserResource>();

/** A user as the API shows it: wire names, ISO times, never the password hash. */
export function userResource(user: User): UserResource {
  if (!Object.isFrozen(user)) return toResource(user);
  let resource = shared.get(user);
  if (!resource) shared.set(user, (resource = Object.freeze(toResource(user))));
  return resource;
}

function toResource(user: User) {
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
