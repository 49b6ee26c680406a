import type { ListPage, ListQuery } from '../shared/list-query.js';
import type { NewUser, User, UserChanges } from './user.js';

export const USER_ORDER = ['id', 'username', 'email', 'firstname', 'lastname', 'status', 'created_at', 'updated_at'] as const;

/** Storage of users; implemented once per backend in src/storage/. */
export interface UserRepository {
  create(user: NewUser): Promise<User>;
  findById(id: number): Promise<User | undefined>;
  /** Matches the username or, failing that, the email (case-insensitive on email). */
  findForLogin(login: string): Promise<{ user: User; passwordHash: string } | undefined>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  /** Replaces the hash, e.g. after a password change or an upgrade from bcrypt. */
  setPasswordHash(id: number, passwordHash: string): Promise<void>;
  /** One page, searching username, email, first and last name; `orderBy` is one of USER_ORDER. */
  page(query: ListQuery, filter?: { status?: User['status'] }): Promise<ListPage<User>>;
  /** Throws `UniqueViolation` (username or email); undefined when the id is unknown. */
  update(id: number, changes: UserChanges): Promise<User | undefined>;
  /** Removes the user; their tokens, codes, sessions and memberships go by cascade. */
  delete(id: number): Promise<boolean>;
}
