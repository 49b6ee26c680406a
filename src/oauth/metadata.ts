import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { PERMISSION_NAMES } from '../permissions/permission-names.js';
import { ALL_PERMISSIONS_SCOPE } from '../tokens/scopes.js';
import type { GrantRegistry } from './grants/grant-registry.js';

/** Extra metadata contributed by optional protocol features (e.g. the authorization endpoint). */
export type MetadataExtension = (issuer: string) => Record<string, unknown>;

const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'];

/**
 * RFC 8414 authorization server metadata: `issuer` exactly as configured, and only what is
 * implemented. The OpenID discovery document (OIDC Discovery §3) is the same object.
 */
export function serverMetadata(services: Services, grants: GrantRegistry, extensions: readonly MetadataExtension[]) {
  const issuer = services.config.issuer;
  const metadata: Record<string, unknown> = {
    issuer,
    token_endpoint: `${issuer}/oauth/token`,
    jwks_uri: `${issuer}/oauth/jwks`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    grant_types_supported: [...grants.keys()],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    revocation_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    introspection_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS.filter((m) => m !== 'none'),
    scopes_supported: [ALL_PERMISSIONS_SCOPE, ...PERMISSION_NAMES],
    service_documentation: `${issuer}/api/1.0/docs`,
  };
  for (const extend of extensions) Object.assign(metadata, extend(issuer));
  return metadata;
}

export function registerMetadata(app: FastifyInstance, services: Services, grants: GrantRegistry, extensions: readonly MetadataExtension[]): void {
  const handler = async (_request: unknown, reply: any) => {
    reply.header('Cache-Control', 'public, max-age=300');
    return serverMetadata(services, grants, extensions);
  };
  app.get('/.well-known/oauth-authorization-server', handler);
  app.get('/.well-known/openid-configuration', handler);
  app.get('/oauth/jwks', async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=300').type('application/jwk-set+json');
    return services.ring.jwks();
  });
}
