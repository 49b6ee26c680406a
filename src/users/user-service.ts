import type { AuditLog } from '../audit/audit-log.js';
import { assertAdministrator, assertCanGrant, type Acting } from '../permissions/acting.js';
import type { PermissionRepository } from '../permissions/permission-repository.js';
import { ForbiddenError } from '../shared/forbidden-error.js';
import { UniqueViolation, ValidationError, ValidationErrors } from '../shared/validation-error.js';
import type { SessionRepository } from '../sessions/session-repository.js';
import type { TokenRepository } from '../tokens/token-repository.js';
import type { PasswordHasher } from './password-hasher.js';
import { signOutEverywhere } from './sign-out-everywhere.js';
import type { User, UserChanges, UserStatus } from './user.js';
import type { UserRepository } from './user-repository.js';

/** A create or edit request in domain names; absent fields are left as they are. */
export interface UserInput {
  username?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  password?: string;
  status?: UserStatus;
  isAdministrator?: boolean;
  permissions?: string[];
}

export type UserService = ReturnType<typeof createUserService>;

const taken = (error: unknown) =>
  error instanceof UniqueViolation ? ValidationError.field(error.column, `The ${error.column} has already been taken.`) : error;

/**
 * User lifecycle for the API (DESIGN §5): nobody escalates (only administrators make
 * administrators; permissions are granted only by someone holding them; nobody changes their
 * own permissions or a user stronger than themselves), and disabling a user or changing a
 * password revokes their tokens at once.
 */
export function createUserService(deps: { users: UserRepository; permissions: PermissionRepository; tokens: TokenRepository; sessions: SessionRepository; hasher: PasswordHasher; audit: AuditLog }) {
  const { users, permissions, tokens, sessions, hasher, audit } = deps;

  async function assertCanManage(acting: Acting, target: User): Promise<void> {
    if (acting.administrator) return;
    if (target.isAdministrator) throw new ForbiddenError('Only an administrator can change an administrator.');
    if (acting.userId === target.id) return;
    const beyond = (await permissions.namesForUser(target.id)).filter((p) => !acting.permissions.includes(p));
    if (beyond.length > 0) throw new ForbiddenError(`You cannot change a user who holds permissions you do not: ${beyond.join(', ')}.`);
  }

  function assertKeepsOwnAccess(acting: Acting, target: User, input: UserInput): void {
    if (acting.userId !== target.id) return;
    const problems = new ValidationErrors();
    if (input.status === 'INACTIVE') problems.add('status', 'You cannot deactivate your own account.');
    if (input.isAdministrator === false && target.isAdministrator) problems.add('is_administrator', 'You cannot remove your own administrator rights.');
    problems.throwIfAny();
    if (input.permissions !== undefined && !acting.administrator) throw new ForbiddenError('You cannot change your own permissions.');
  }

  return {
    async create(input: Required<Pick<UserInput, 'username' | 'email' | 'password'>> & UserInput, acting: Acting): Promise<User> {
      if (input.isAdministrator) assertAdministrator(acting, 'create an administrator');
      assertCanGrant(acting, input.permissions ?? []);
      const user = await users
        .create({
          username: input.username,
          email: input.email.toLowerCase(),
          firstname: input.firstname,
          lastname: input.lastname,
          passwordHash: await hasher.hash(input.password),
          status: input.status,
          isAdministrator: input.isAdministrator,
        })
        .catch((error) => Promise.reject(taken(error)));
      if (input.permissions?.length) await permissions.setForUser(user.id, input.permissions);
      await audit.record({ ...acting.context, event: 'user.created', target: { type: 'user', id: String(user.id), name: user.username }, details: { permissions: input.permissions ?? [] } });
      return user;
    },

    async update(target: User, input: UserInput, acting: Acting): Promise<User> {
      await assertCanManage(acting, target);
      assertKeepsOwnAccess(acting, target, input);
      if (input.isAdministrator !== undefined && input.isAdministrator !== target.isAdministrator) assertAdministrator(acting, 'change administrator rights');
      if (input.permissions !== undefined) {
        const current = await permissions.directNamesForUser(target.id);
        assertCanGrant(acting, input.permissions.filter((p) => !current.includes(p)));
      }
      const changes: UserChanges = {
        username: input.username,
        email: input.email?.toLowerCase(),
        firstname: input.firstname,
        lastname: input.lastname,
        status: input.status,
        isAdministrator: input.isAdministrator,
        passwordHash: input.password === undefined ? undefined : await hasher.hash(input.password),
      };
      const user = await users.update(target.id, changes).catch((error) => Promise.reject(taken(error)));
      if (!user) throw new Error('user vanished during update');
      if (input.permissions !== undefined) await permissions.setForUser(target.id, input.permissions);
      const disabled = input.status === 'INACTIVE' && target.status !== 'INACTIVE';
      const signOut = disabled || input.password !== undefined;
      const revoked = signOut ? await signOutEverywhere({ tokens, sessions }, target.id) : 0;
      const fields = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => wireName(k));
      await audit.record({
        ...acting.context,
        event: 'user.updated',
        target: { type: 'user', id: String(user.id), name: user.username },
        details: { fields, ...(input.permissions ? { permissions: input.permissions } : {}), ...(revoked > 0 ? { revoked_tokens: revoked } : {}) },
      });
      return user;
    },

    /** Removes the user; their tokens, sessions and memberships go with them. */
    async delete(target: User, acting: Acting): Promise<void> {
      await assertCanManage(acting, target);
      await users.delete(target.id);
      await audit.record({ ...acting.context, event: 'user.deleted', target: { type: 'user', id: String(target.id), name: target.username } });
    },
  };
}

const wireName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
