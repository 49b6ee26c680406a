import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { authorizationCodeGrant } from './grants/authorization-code.js';
import { oidcMetadata } from './oidc/oidc-metadata.js';
import { refreshWithIdTokenGrant } from './oidc/refresh-with-id-token.js';
import { userinfoPlugin } from './oidc/userinfo.js';
import { pagesPlugin } from './pages/pages-plugin.js';

/** The browser flow's root plugins: the pages (HTML errors) and userinfo (RFC 6750 errors). */
async function browserFlowPlugins(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(pagesPlugin, { services });
  await app.register(userinfoPlugin, { services });
}

/**
 * Authorization code + PKCE, the login and consent pages, sessions and OpenID Connect
 * (DESIGN §4), as the parts features.ts composes. The refresh grant is replaced by one
 * that also returns an ID token for `openid` grants (same grant_type, registered later).
 */
export const authorizationCodeFeature = {
  grants: [authorizationCodeGrant, refreshWithIdTokenGrant],
  metadataExtensions: [oidcMetadata],
  plugins: [browserFlowPlugins],
};
