import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONSOLE_CLIENT_ID } from '../clients/client.js';
import type { Services } from '../services.js';
import { CONSOLE_SECURITY_HEADERS } from './security-headers.js';

/** Where `vite build --config console/vite.config.ts` writes the console (from src/ or dist/). */
export const DEFAULT_CONSOLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/admin');

/** Scopes the console asks for: OIDC identity plus all of the signed-in user's permissions. */
export const CONSOLE_SCOPE = 'openid profile email *';

const NOT_BUILT = 'Console not built: run npm run build';

/**
 * The web console (DESIGN §7): the built single-page app under `/admin/`, with unknown
 * paths answered by index.html so client-side routes survive a reload. The console is a
 * public OAuth client (id 1); `/admin/config.json` tells it the issuer and its client id.
 */
export function createConsolePlugin(root = DEFAULT_CONSOLE_DIR) {
  return async function consolePlugin(app: FastifyInstance, services: Services): Promise<void> {
    const built = existsSync(join(root, 'index.html'));
    app.get('/admin', (_request, reply) => (built ? reply.redirect('/admin/', 302) : notBuilt(reply)));
    await app.register(
      async (scope) => {
        scope.addHook('onSend', async (_request, reply) => {
          reply.headers(CONSOLE_SECURITY_HEADERS);
        });
        scope.get('/config.json', (_request, reply) => {
          reply.header('Cache-Control', 'no-store').send({
            issuer: services.config.issuer,
            client_id: CONSOLE_CLIENT_ID,
            scope: CONSOLE_SCOPE,
            client_secrets: services.config.clientSecrets,
          });
        });
        if (!built) {
          scope.get('/*', (_request, reply) => notBuilt(reply));
          return;
        }
        const assets = join(root, 'assets');
        await scope.register(fastifyStatic, {
          root,
          prefix: '/',
          index: false,
          wildcard: true,
          cacheControl: false,
          setHeaders(res, path) {
            res.setHeader('Cache-Control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
          },
        });
        const sendIndex = (reply: FastifyReply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html');
        scope.route({ method: 'GET', url: '/', prefixTrailingSlash: 'slash', handler: (_request, reply) => sendIndex(reply) });
        scope.setNotFoundHandler((request, reply) => {
          const path = request.url.split('?')[0];
          if ((request.method !== 'GET' && request.method !== 'HEAD') || /\.[a-z0-9]+$/i.test(path)) {
            return reply.code(404).type('text/plain; charset=utf-8').send('Not Found');
          }
          return sendIndex(reply);
        });
      },
      { prefix: '/admin' },
    );
  };
}

function notBuilt(reply: FastifyReply) {
  return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
}

export const consolePlugin = createConsolePlugin();
