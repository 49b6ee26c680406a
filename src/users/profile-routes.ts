import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../api/api-error.js';
import { meResource, meSchema } from '../api/me.js';
import type { Principal } from '../api/principal.js';
import { apiAuditContext, principalOf } from '../api/principal-context.js';
import { apiRoute, noContent } from '../api/route-schema.js';
import type { Services } from '../services.js';
import { ALL_PERMISSIONS_SCOPE } from '../tokens/scopes.js';
import type { User } from './user.js';
import { editable } from './user-schemas.js';

const tags = ['Me'];

const profileBody = {
  type: 'object',
  additionalProperties: false,
  description: 'Fields not sent keep their value. Username, status and permissions are not changed here.',
  properties: { firstname: editable.firstname, lastname: editable.lastname, email: editable.email },
} as const;

const passwordBody = {
  type: 'object',
  additionalProperties: false,
  required: ['current_password', 'password'],
  properties: {
    current_password: { type: 'string', minLength: 1, maxLength: 1024, description: 'Write-only. Wrong answers count as failed sign-ins.' },
    password: { ...editable.password, description: "Write-only. Changing it revokes all the user's tokens and ends their sessions." },
  },
} as const;

/**
 * Self-service is for a user signed in as themselves with a full token (scope `*`, as the
 * console holds): an application granted only `openid` or a few permissions must not change
 * the user's email or password (RFC 6750 §3.1 `insufficient_scope`). A machine client has no
 * profile.
 */
function signedInUser(request: FastifyRequest): { principal: Principal; user: User } {
  const principal = principalOf(request);
  if (principal.kind !== 'user' || !principal.user) throw new ApiError('auth.forbidden', 'Only a signed-in user has a profile to change.');
  if (!principal.scopes.includes(ALL_PERMISSIONS_SCOPE)) {
    throw new ApiError('auth.insufficient_scope', 'Changing your profile needs a token with the * scope.').withHeader(
      'WWW-Authenticate',
      'Bearer realm="gatehouse", error="insufficient_scope", scope="*"',
    );
  }
  return { principal, user: principal.user };
}

/** `PUT /me` and `PUT /me/password`: every user manages their own profile, whatever they hold. */
export function registerProfileRoutes(app: FastifyInstance, services: Services): void {
  const { profileService } = services;

  app.put<{ Body: { firstname?: string; lastname?: string; email?: string } }>(
    '/me',
    apiRoute('authenticated', {
      summary: 'Update your own details',
      description: 'For a user token with the `*` scope only (a client token, or an application granted fewer scopes, is refused). Audited as `user.profile_updated`.',
      tags,
      body: profileBody,
      response: { 200: meSchema },
      errors: ['auth.forbidden', 'auth.insufficient_scope'],
    }),
    async (request) => {
      const { principal, user } = signedInUser(request);
      return meResource(principal, await profileService.update(user, request.body, apiAuditContext(request)));
    },
  );

  app.put<{ Body: { current_password: string; password: string } }>(
    '/me/password',
    apiRoute('authenticated', {
      summary: 'Change your own password',
      description:
        'For a user token with the `*` scope only. A wrong current password counts as a failed sign-in; too many lock the form (429, Retry-After). ' +
        'A change revokes all your tokens, this one included, and ends your browser sessions.',
      tags,
      body: passwordBody,
      response: noContent,
      errors: ['auth.forbidden', 'auth.insufficient_scope', 'auth.throttled'],
    }),
    async (request, reply) => {
      const { user } = signedInUser(request);
      const result = await profileService.changePassword(user, request.body.current_password, request.body.password, apiAuditContext(request));
      if (result.outcome === 'locked') {
        throw new ApiError('auth.throttled', 'Too many failed attempts. Try again later.').withHeader('Retry-After', String(result.retryAfter));
      }
      return reply.code(204).send();
    },
  );
}
