import type { AuditEvent } from '../audit/audit-event.js';
import type { AccessTokenRecord, RefreshTokenRecord, RevokeFilter } from './token-records.js';

/** Storage of issued tokens; implemented once per backend in src/storage/. */
export interface TokenRepository {
  /**
   * Stores an access token and, if given, its refresh token and the audit event of their
   * issuance, in one transaction: all of them or, if any fails, none.
   */
  saveIssued(access: AccessTokenRecord, refresh?: RefreshTokenRecord, event?: Omit<AuditEvent, 'id'>): Promise<void>;
  findAccessToken(id: string): Promise<AccessTokenRecord | undefined>;
  findRefreshToken(hash: string): Promise<RefreshTokenRecord | undefined>;
  /**
   * Marks an unused, unrevoked, unexpired refresh token used in one statement; true only
   * for the single caller that did so (RFC 9700 §4.14.2 rotation under concurrency).
   */
  consumeRefreshToken(hash: string, now: number): Promise<boolean>;
  revokeAccessToken(id: string): Promise<void>;
  /** Revokes every access and refresh token of a grant (refresh family or code). */
  revokeFamily(familyId: string): Promise<void>;
  /** Revokes access and refresh tokens matching every given field; returns the count of access tokens. */
  revokeMatching(filter: RevokeFilter): Promise<number>;
  listPersonalTokens(userId: number): Promise<AccessTokenRecord[]>;
}
