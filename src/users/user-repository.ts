import type { NewUser, User } from './user.js';

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
}
