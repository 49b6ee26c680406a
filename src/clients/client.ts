/** RFC names of the grants a client may hold; `refresh_token` follows the user grants. */
export const CLIENT_GRANTS = ['authorization_code', 'password', 'personal_access', 'client_credentials'] as const;
export type ClientGrant = (typeof CLIENT_GRANTS)[number];

export const CONSOLE_CLIENT_ID = 1;
export const PERSONAL_ACCESS_CLIENT_ID = 2;

export interface Client {
  id: number;
  name: string;
  grantTypes: ClientGrant[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  confidential: boolean;
  requirePkce: boolean;
  /** First-party: skips the consent page. */
  trusted: boolean;
  /** Permissions the client itself holds in `client_credentials` tokens (DESIGN §5). */
  permissions: string[];
  userId: number | null;
  revoked: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface NewClient {
  name: string;
  grantTypes: ClientGrant[];
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  confidential: boolean;
  requirePkce?: boolean;
  trusted?: boolean;
  permissions?: string[];
  userId?: number | null;
}

export type ClientChanges = Partial<Omit<NewClient, 'userId'>> & { revoked?: boolean };

/** Stored secret material: current and, during a rotation grace period, the previous one. */
export interface StoredSecrets {
  secret: string | null;
  previousSecret: string | null;
  previousSecretExpiresAt: number | null;
}

/** RFC 6749 §6: a refresh token is issued only alongside grants that act for a user. */
export function allowsRefresh(client: Client): boolean {
  return client.grantTypes.includes('authorization_code') || client.grantTypes.includes('password');
}
