/** An authorization code as stored (RFC 6749 §4.1.2): bound to client, redirect URI and user. */
export interface AuthorizationCode {
  /** SHA-256 of the code value; the value itself is never stored. */
  id: string;
  clientId: number;
  userId: number;
  /** The redirect URI the code was sent to; the token request must name the same one. */
  redirectUri: string;
  scopes: string[];
  /** S256 challenge (RFC 7636 §4.2), or null when the request carried none. */
  codeChallenge: string | null;
  nonce: string | null;
  /** When the user authenticated (epoch ms), for the ID token's `auth_time`. */
  authTime: number;
  /** Token family of everything issued from this code, revoked together on replay. */
  familyId: string;
  consumedAt: number | null;
  createdAt: number;
  expiresAt: number;
}
