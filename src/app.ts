import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { defaultFeatures } from './features.js';
import { apiPlugin, type ApiRoutes } from './api/api-plugin.js';
import { handleAfterReading } from './handle-after-reading.js';
import { registerHealth } from './health.js';
import { registerMetrics } from './metrics/metrics-routes.js';
import { lazyChildLogger } from './lazy-child-logger.js';
import { loggerOptions } from './logger.js';
import { createGrantRegistry } from './oauth/grants/grant-registry.js';
import type { GrantHandler } from './oauth/grants/grant-handler.js';
import type { MetadataExtension } from './oauth/metadata.js';
import { protocolPlugin } from './oauth/protocol-plugin.js';
import type { Services } from './services.js';

export interface AppOptions {
  /** A stream for log lines (tests read it to prove nothing secret is logged). */
  logStream?: NodeJS.WritableStream;
  extraGrants?: readonly GrantHandler[];
  metadataExtensions?: readonly MetadataExtension[];
  apiRoutes?: readonly ApiRoutes[];
  /** Further plugins (authorize pages, console), registered at the root. */
  plugins?: readonly ((app: FastifyInstance, services: Services) => Promise<void>)[];
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the whole server without listening (STYLE §5); only main.ts calls listen. */
export async function buildApp(services: Services, overrides: AppOptions = {}): Promise<FastifyInstance> {
  const options = { ...defaultFeatures(), ...overrides };
  const { config } = services;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    childLoggerFactory: lazyChildLogger,
    // A hop count becomes the equivalent function (Fastify's types take no number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 256 * 1024,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    return503OnClosing: true,
  });
  handleAfterReading(app);
  // While draining (SIGTERM), answers close their connection so keep-alive sockets do not
  // hold the shutdown open until their idle timeout.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  const https = config.issuer.startsWith('https:');
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (draining) reply.header('Connection', 'close');
    if (https) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    done(null, payload);
  });
  registerMetrics(app, services.metrics);
  const grants = createGrantRegistry(options.extraGrants);
  await app.register(protocolPlugin, { services, grants, metadataExtensions: options.metadataExtensions ?? [] });
  await app.register(apiPlugin, { prefix: '/api/1.0', services, routes: options.apiRoutes ?? [] });
  registerHealth(app, services);
  for (const plugin of options.plugins ?? []) await plugin(app, services);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ message: 'Not Found.' }));
  return app;
}
