import type { Client, ClientGrant } from './client.js';

/** ProcessMaker's `types` values on the wire (DESIGN §6) and the RFC grant each stands for. */
export const WIRE_TYPES: Record<string, ClientGrant> = {
  authorization_code_grant: 'authorization_code',
  password_client: 'password',
  personal_access_client: 'personal_access',
  client_credentials_grant: 'client_credentials',
};

const TYPE_OF_GRANT = Object.fromEntries(Object.entries(WIRE_TYPES).map(([wire, grant]) => [grant, wire])) as Record<ClientGrant, string>;

export function wireTypes(grants: readonly ClientGrant[]): string[] {
  return grants.map((g) => TYPE_OF_GRANT[g]);
}

/** A client as the API and the CLI show it; the secret is added only where allowed. */
export function clientResource(client: Client) {
  return {
    id: client.id,
    name: client.name,
    types: wireTypes(client.grantTypes),
    redirect: client.redirectUris,
    confidential: client.confidential,
    require_pkce: client.requirePkce,
    trusted: client.trusted,
    permissions: client.permissions,
    revoked: client.revoked,
    created_at: new Date(client.createdAt).toISOString(),
    updated_at: new Date(client.updatedAt).toISOString(),
  };
}
