import type { Consent } from './consent.js';

/** Storage of remembered consents, one per user and client; implemented in src/storage/. */
export interface ConsentRepository {
  find(userId: number, clientId: number): Promise<Consent | undefined>;
  /** Remembers the scopes, adding to what the user approved before for this client. */
  grant(userId: number, clientId: number, scopes: readonly string[], now: number): Promise<void>;
  /** Forgets the consent; true when there was one. */
  revoke(userId: number, clientId: number): Promise<boolean>;
  listForUser(userId: number): Promise<Consent[]>;
}
