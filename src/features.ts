import type { AppOptions } from './app.js';
import { authorizationCodeFeature } from './oauth/authorization-code-feature.js';
import { registerSecurityLogRoutes } from './audit/security-log-routes.js';
import { registerClientRoutes } from './clients/client-routes.js';
import { registerGroupMemberRoutes } from './groups/group-member-routes.js';
import { registerGroupRoutes } from './groups/group-routes.js';
import { registerPermissionRoutes } from './permissions/permission-routes.js';
import { registerPersonalTokenRoutes } from './tokens/personal-token-routes.js';
import { registerProfileRoutes } from './users/profile-routes.js';
import { registerUserRoutes } from './users/user-routes.js';
import { consolePlugin } from './console/console-plugin.js';
import { registerKeyRoutes } from './keys/key-routes.js';

/**
 * The optional parts of the server, composed in one place: API route modules, extra grants
 * (authorization code), metadata extensions and root plugins (login pages, console).
 */
export function defaultFeatures(): AppOptions {
  return {
    apiRoutes: [
      registerClientRoutes,
      registerUserRoutes,
      registerProfileRoutes,
      registerPersonalTokenRoutes,
      registerGroupRoutes,
      registerGroupMemberRoutes,
      registerPermissionRoutes,
      registerSecurityLogRoutes,
      registerKeyRoutes,
    ],
    extraGrants: [...authorizationCodeFeature.grants],
    metadataExtensions: [...authorizationCodeFeature.metadataExtensions],
    plugins: [...authorizationCodeFeature.plugins, consolePlugin],
  };
}
