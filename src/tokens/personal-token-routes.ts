import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../api/api-error.js';
import { collection, collectionQuerystring, collectionSchema, listQuery, type CollectionQuerystring } from '../api/pagination.js';
import { actingOf } from '../api/principal-context.js';
import { apiRoute, idParams, noContent } from '../api/route-schema.js';
import type { Acting } from '../permissions/acting.js';
import type { Services } from '../services.js';
import { ForbiddenError } from '../shared/forbidden-error.js';
import { ValidationError } from '../shared/validation-error.js';
import type { User } from '../users/user.js';
import { PERSONAL_TOKEN_ORDER } from './personal-token-repository.js';
import { createdTokenSchema, createTokenBody, tokenParams, tokenSchema } from './personal-token-schemas.js';
import { ALL_PERMISSIONS_SCOPE } from './scopes.js';
import type { AccessTokenRecord } from './token-records.js';

const tags = ['Personal Access Tokens'];
type TokenParams = { Params: { id: number; token_id: string } };

export function personalTokenResource(record: AccessTokenRecord) {
  return {
    id: record.id,
    name: record.name ?? '',
    scopes: record.scopes,
    user_id: record.userId!,
    client_id: record.clientId,
    revoked: record.revoked,
    created_at: new Date(record.createdAt).toISOString(),
    expires_at: new Date(record.expiresAt).toISOString(),
  };
}

/**
 * A token may only mint a personal token within its own reach: without `*` it cannot ask
 * for `*` or for a permission it does not carry (no widening through a new token).
 */
function assertWithinReach(acting: Acting, scopes: readonly string[]): void {
  if (acting.tokenScopes.includes(ALL_PERMISSIONS_SCOPE)) return;
  const beyond = scopes.filter((s) => s === ALL_PERMISSIONS_SCOPE || !acting.permissions.includes(s));
  if (beyond.length > 0) throw new ForbiddenError(`This token cannot create a token with scopes it does not carry: ${beyond.join(', ')}.`);
}

/** `/users/{id}/tokens` (DESIGN §6): personal access tokens; only the user or an administrator. */
export function registerPersonalTokenRoutes(app: FastifyInstance, services: Services): void {
  const { users, personalTokens, personalAccessTokens, audit } = services;

  async function owner(request: FastifyRequest, id: number): Promise<{ user: User; acting: Acting }> {
    const acting = actingOf(request);
    if (acting.userId !== id && !acting.administrator) throw new ForbiddenError('Only the user or an administrator can manage these tokens.');
    const user = await users.findById(id);
    if (!user) throw notFound('user');
    return { user, acting };
  }

  app.get<{ Params: { id: number }; Querystring: CollectionQuerystring }>(
    '/users/:id/tokens',
    apiRoute('authenticated', {
      summary: "List a user's personal access tokens",
      description: 'Only the user or an administrator. Values are never shown again; `filter` searches the name.',
      tags,
      params: idParams,
      querystring: collectionQuerystring(PERSONAL_TOKEN_ORDER, {}, { order: 'created_at' }),
      response: { 200: collectionSchema(tokenSchema) },
      errors: ['resource.not_found', 'auth.forbidden'],
    }),
    async (request) => {
      const { user } = await owner(request, request.params.id);
      const page = await personalTokens.page(user.id, listQuery(request.query));
      return collection(page.items.map(personalTokenResource), page.total, request.query);
    },
  );

  app.post<{ Params: { id: number }; Body: { name: string; scopes?: string[] } }>(
    '/users/:id/tokens',
    apiRoute('authenticated', {
      summary: 'Create a personal access token',
      description: 'Answers the token value once (`access_token`); it expires after PERSONAL_ACCESS_TOKEN_TTL. Only the user or an administrator.',
      tags,
      params: idParams,
      body: createTokenBody,
      response: { 201: createdTokenSchema },
      errors: ['resource.not_found', 'auth.forbidden', 'resource.conflict'],
    }),
    async (request, reply) => {
      const { user, acting } = await owner(request, request.params.id);
      if (user.status !== 'ACTIVE') throw new ApiError('resource.conflict', 'The user is inactive and cannot hold tokens.');
      const scopes = request.body.scopes?.length ? request.body.scopes : [ALL_PERMISSIONS_SCOPE];
      assertWithinReach(acting, scopes);
      const name = request.body.name.trim();
      if (name === '') throw ValidationError.field('name', 'The name field is required.');
      const { record, token } = await personalAccessTokens.issue(user.id, name, scopes);
      await audit.record({
        ...acting.context,
        event: 'personal_token.created',
        target: { type: 'personal_token', id: record.id, name: record.name ?? '' },
        details: { user_id: user.id, scopes },
      });
      return reply.code(201).send({ ...personalTokenResource(record), access_token: token, token_type: 'Bearer' });
    },
  );

  app.get<TokenParams>(
    '/users/:id/tokens/:token_id',
    apiRoute('authenticated', {
      summary: 'Show a personal access token',
      description: 'Only the user or an administrator.',
      tags,
      params: tokenParams,
      response: { 200: tokenSchema },
      errors: ['resource.not_found', 'auth.forbidden'],
    }),
    async (request) => {
      const { user } = await owner(request, request.params.id);
      const record = await personalTokens.find(user.id, request.params.token_id);
      if (!record) throw notFound('token');
      return personalTokenResource(record);
    },
  );

  app.delete<TokenParams>(
    '/users/:id/tokens/:token_id',
    apiRoute('authenticated', {
      summary: 'Revoke a personal access token',
      description: 'Takes effect at once. Only the user or an administrator.',
      tags,
      params: tokenParams,
      response: noContent,
      errors: ['resource.not_found', 'auth.forbidden'],
    }),
    async (request, reply) => {
      const { user, acting } = await owner(request, request.params.id);
      if (!(await personalTokens.revoke(user.id, request.params.token_id))) throw notFound('token');
      await audit.record({ ...acting.context, event: 'personal_token.revoked', target: { type: 'personal_token', id: request.params.token_id }, details: { user_id: user.id } });
      return reply.code(204).send();
    },
  );
}
