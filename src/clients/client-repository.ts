import type { ListPage, ListQuery } from '../shared/list-query.js';
import type { Client, ClientChanges, NewClient, StoredSecrets } from './client.js';

export const CLIENT_ORDER = ['id', 'name', 'created_at', 'updated_at'] as const;

/** Storage of auth clients; implemented once per backend in src/storage/. */
export interface ClientRepository {
  /** Throws `UniqueViolation` when the name is taken. */
  create(client: NewClient, secret: string | null): Promise<Client>;
  findById(id: number): Promise<Client | undefined>;
  findByName(name: string): Promise<Client | undefined>;
  findSecrets(id: number): Promise<StoredSecrets | undefined>;
  /** The client and its secrets in one read: client authentication runs on every token request. */
  findWithSecrets(id: number): Promise<{ client: Client; secrets: StoredSecrets } | undefined>;
  list(): Promise<Client[]>;
  /** One page, searching the name; `orderBy` is one of CLIENT_ORDER. */
  page(query: ListQuery): Promise<ListPage<Client>>;
  /** Throws `UniqueViolation` when the new name is taken; undefined when the id is unknown. */
  update(id: number, changes: ClientChanges): Promise<Client | undefined>;
  /** Replaces the secret; the old one may stay valid until `previousExpiresAt`. */
  setSecret(id: number, secret: string, previous: { secret: string; expiresAt: number } | null): Promise<void>;
  /** Removes the client and, by cascade, every token and code it holds. */
  delete(id: number): Promise<boolean>;
}
