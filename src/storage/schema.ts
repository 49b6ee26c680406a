import type { Generated } from 'kysely';

/**
 * Row types shared by both dialects. Booleans are stored as 0/1 integers, lists as JSON
 * text and instants as epoch milliseconds, so that every query is dialect-neutral.
 */
export interface Database {
  users: UsersTable;
  groups: GroupsTable;
  group_members: { group_id: number; user_id: number };
  permissions: PermissionsTable;
  user_permissions: { user_id: number; permission_id: number };
  group_permissions: { group_id: number; permission_id: number };
  oauth_clients: ClientsTable;
  access_tokens: AccessTokensTable;
  refresh_tokens: RefreshTokensTable;
  authorization_codes: AuthorizationCodesTable;
  login_sessions: LoginSessionsTable;
  consents: ConsentsTable;
  signing_keys: SigningKeysTable;
  audit_events: AuditEventsTable;
  throttle_counters: { key: string; hits: number; reset_at: number };
  cache_generations: { name: string; value: number };
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string;
  firstname: string;
  lastname: string;
  password_hash: string;
  status: 'ACTIVE' | 'INACTIVE';
  is_administrator: number;
  created_at: number;
  updated_at: number;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  description: string;
  status: 'ACTIVE' | 'INACTIVE';
  created_at: number;
  updated_at: number;
}

export interface PermissionsTable {
  id: Generated<number>;
  name: string;
  title: string;
  group: string;
}

export interface ClientsTable {
  id: Generated<number>;
  name: string;
  /** `enc:v1:…` (AES-256-GCM) or `sha256:…`; null for public clients. */
  secret: string | null;
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
  redirect_uris: string;
  post_logout_redirect_uris: string;
  grant_types: string;
  confidential: number;
  require_pkce: number;
  trusted: number;
  permissions: string;
  user_id: number | null;
  revoked: number;
  created_at: number;
  updated_at: number;
}

export interface AccessTokensTable {
  /** The JWT `jti`. */
  id: string;
  user_id: number | null;
  client_id: number;
  name: string | null;
  scopes: string;
  /** Grant the token belongs to: a refresh family, a code, or null. */
  family_id: string | null;
  /** SHA-256 of an opaque personal access token value, else null. */
  token_hash: string | null;
  revoked: number;
  created_at: number;
  expires_at: number;
}

export interface RefreshTokensTable {
  /** SHA-256 of the token value (base64url). */
  id: string;
  family_id: string;
  access_token_id: string;
  client_id: number;
  user_id: number | null;
  scopes: string;
  auth_time: number | null;
  revoked: number;
  used_at: number | null;
  created_at: number;
  expires_at: number;
}

export interface AuthorizationCodesTable {
  id: string;
  client_id: number;
  user_id: number;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  nonce: string | null;
  auth_time: number;
  family_id: string;
  consumed_at: number | null;
  /** Set when the code was presented after it had been consumed (migration 003). */
  replayed_at: number | null;
  created_at: number;
  expires_at: number;
}

export interface LoginSessionsTable {
  /** SHA-256 of the cookie value. */
  id: string;
  user_id: number;
  auth_time: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface ConsentsTable {
  user_id: number;
  client_id: number;
  scopes: string;
  created_at: number;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  public_jwk: string;
  /** PKCS#8 PEM encrypted under the master key. */
  private_key: string;
  /** `next` (published, not signing), `active` (signing) or `retired` (published only). */
  status: 'next' | 'active' | 'retired';
  created_at: number;
  activated_at: number | null;
  retired_at: number | null;
  /** After this instant no token it signed can be valid; it leaves the JWKS. */
  publish_until: number | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  event: string;
  actor_type: string | null;
  actor_id: string | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string;
  created_at: number;
}
