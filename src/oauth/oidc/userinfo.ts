import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { InsufficientScope, InvalidRequest, InvalidToken, OAuthError } from '../errors.js';
import { acceptFormBodies } from '../form-body.js';
import { sendOAuthError } from '../protocol-plugin.js';
import { userClaims } from './user-claims.js';

const REALM = 'realm="gatehouse"';

function bearerError(error: OAuthError, extra = ''): OAuthError {
  return error.withHeader('WWW-Authenticate', `Bearer ${REALM}, error="${error.error}", error_description="${error.description}"${extra}`);
}

/**
 * RFC 6750: the token comes in the Authorization header (§2.1) or, on POST, the form body
 * (§2.2); never the URL (RFC 9700 §4.3.2), and never two ways at once (§3.1). With no
 * token the challenge carries no error code (§3.1).
 */
function presentedToken(request: FastifyRequest): string {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = (request.method === 'POST' ? request.body ?? {} : {}) as Record<string, unknown>;
  const header = request.headers.authorization;
  const inHeader = typeof header === 'string' && /^bearer /i.test(header) ? header.slice(7).trim() : undefined;
  const inBody = typeof body.access_token === 'string' ? body.access_token : undefined;
  if (query.access_token !== undefined) throw bearerError(new InvalidRequest('Send the access token in the Authorization header, not the URL.'));
  if (Array.isArray(body.access_token) || (inHeader !== undefined && inBody !== undefined)) {
    throw bearerError(new InvalidRequest('Send the access token one way only.'));
  }
  const token = inHeader ?? inBody;
  if (!token) throw new InvalidToken('An access token is required.').withHeader('WWW-Authenticate', `Bearer ${REALM}`);
  return token;
}

/**
 * `GET|POST /oauth/userinfo` (OIDC Core §5.3): the claims of the token's user for the scopes
 * it carries; needs `openid`. JSON, `no-store`, RFC 6750 errors.
 */
export async function userinfoPlugin(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  acceptFormBodies(app, 16 * 1024);
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
  });
  app.setErrorHandler((error: Error, request, reply) => sendOAuthError(error, request, reply));

  const handler = async (request: FastifyRequest) => {
    const subject = await services.verifier.activeSubject(presentedToken(request));
    if (!subject) throw bearerError(new InvalidToken());
    const { token, client, user } = subject;
    if (token.userId === null || !token.scopes.includes('openid')) {
      throw bearerError(new InsufficientScope('The access token was not issued with the openid scope.'), ', scope="openid"');
    }
    if (client.revoked || !user || user.status !== 'ACTIVE') throw bearerError(new InvalidToken());
    return userClaims(user, token.scopes);
  };
  app.get('/oauth/userinfo', handler);
  app.post('/oauth/userinfo', handler);
}
