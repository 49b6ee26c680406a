export interface AccessTokenRecord {
  /** The JWT `jti`, or a random id for an opaque personal access token. */
  id: string;
  userId: number | null;
  clientId: number;
  name: string | null;
  scopes: string[];
  familyId: string | null;
  /** SHA-256 of an opaque token's value (personal access tokens); null for JWTs. */
  tokenHash: string | null;
  revoked: boolean;
  createdAt: number;
  expiresAt: number;
}

export interface RefreshTokenRecord {
  /** SHA-256 of the value; the value itself is never stored. */
  id: string;
  familyId: string;
  accessTokenId: string;
  clientId: number;
  userId: number | null;
  scopes: string[];
  authTime: number | null;
  revoked: boolean;
  usedAt: number | null;
  createdAt: number;
  expiresAt: number;
}

export interface RevokeFilter {
  clientId?: number;
  userId?: number;
  /** Only tokens created at or after this instant. */
  issuedAfter?: number;
}
