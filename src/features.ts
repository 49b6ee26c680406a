import type { AppOptions } from './app.js';

/**
 * The optional parts of the server, composed in one place: API route modules, extra grants
 * (authorization code), metadata extensions and root plugins (login pages, console).
 */
export function defaultFeatures(): AppOptions {
  return {
    apiRoutes: [],
    extraGrants: [],
    metadataExtensions: [],
    plugins: [],
  };
}
