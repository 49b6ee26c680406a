import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Metrics } from '../metrics/metrics.js';
import type { Services } from '../services.js';
import { isStoreUnavailable } from '../storage/store-errors.js';
import { InvalidRequest, OAuthError, ServerError, TemporarilyUnavailable } from './errors.js';
import { acceptFormBodies } from './form-body.js';
import type { GrantRegistry } from './grants/grant-registry.js';
import { registerIntrospectionEndpoint } from './introspect.js';
import { registerMetadata, type MetadataExtension } from './metadata.js';
import { registerRevocationEndpoint } from './revoke.js';
import { registerTokenEndpoint } from './token/token-endpoint.js';

export interface ProtocolOptions {
  services: Services;
  grants: GrantRegistry;
  metadataExtensions: readonly MetadataExtension[];
}

const POST_ONLY = ['/oauth/token', '/oauth/revoke', '/oauth/introspect'];

/**
 * The protocol surface (`/oauth/*`, `/.well-known/*`): form bodies, `no-store` on every
 * answer (RFC 6749 §5.1), and RFC 6749 §5.2 error bodies from one error handler.
 */
export async function protocolPlugin(app: FastifyInstance, { services, grants, metadataExtensions }: ProtocolOptions) {
  acceptFormBodies(app, 64 * 1024);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    done();
  });
  app.setErrorHandler((error: Error, request, reply) => sendOAuthError(error, request, reply, services.metrics));

  registerTokenEndpoint(app, services, grants);
  registerRevocationEndpoint(app, services);
  registerIntrospectionEndpoint(app, services);
  registerMetadata(app, services, grants, metadataExtensions);
  for (const url of POST_ONLY) {
    app.route({
      method: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'],
      url,
      handler: async (_request, reply) =>
        reply.code(405).header('Allow', 'POST').send(new InvalidRequest('Use POST.').toJSON()),
    });
  }
}

/** Maps any error to an RFC 6749 §5.2 body; nothing internal ever reaches the client. */
export function sendOAuthError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply, metrics?: Metrics) {
  let oauth: OAuthError;
  if (error instanceof OAuthError) {
    oauth = error;
    if (error.detail) request.log.info({ error: error.error, detail: error.detail }, 'oauth error');
  } else if (isClientError(error)) {
    const status = (error as FastifyError).statusCode === 413 ? 413 : 400;
    oauth = new OAuthError('invalid_request', status, clientErrorDescription(error as FastifyError));
  } else if (isStoreUnavailable(error)) {
    request.log.warn({ code: (error as { code?: string }).code }, 'storage unavailable');
    oauth = new TemporarilyUnavailable('The service is temporarily unavailable; try again shortly.').withHeader('Retry-After', '5');
  } else {
    request.log.error({ err: error }, 'unexpected error');
    oauth = new ServerError();
  }
  metrics?.oauthErrors.inc({ error: oauth.error });
  return reply.code(oauth.statusCode).headers(oauth.headers).send(oauth.toJSON());
}

export function isClientError(error: unknown): boolean {
  const status = (error as FastifyError).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function clientErrorDescription(error: FastifyError): string {
  if (error.statusCode === 413) return 'The request body is too large.';
  if (error.statusCode === 415) return 'The request body must be application/x-www-form-urlencoded or JSON.';
  return 'The request body could not be parsed.';
}
