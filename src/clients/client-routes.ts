import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../api/api-error.js';
import { collection, collectionQuerystring, collectionSchema, listQuery, type CollectionQuerystring } from '../api/pagination.js';
import { actingOf } from '../api/principal-context.js';
import { apiRoute, idParams, noContent } from '../api/route-schema.js';
import { assertAdministrator, assertCanGrant } from '../permissions/acting.js';
import type { Services } from '../services.js';
import { CONSOLE_CLIENT_ID, PERSONAL_ACCESS_CLIENT_ID, type Client } from './client.js';
import { readClientBody, type ClientBody } from './client-input.js';
import { CLIENT_ORDER } from './client-repository.js';
import { clientResource } from './client-resource.js';
import { clientSchema, clientWithSecretSchema, createClientBody, rotateBody, rotatedSchema, secretSchema, updateClientBody } from './client-schemas.js';

const tags = ['Auth Clients'];
type Id = { Params: { id: number } };

function builtIn(id: number): ApiError {
  return new ApiError('auth_client.built_in', `Client ${id} is built in (the console or personal access tokens) and cannot be changed here.`);
}

/** `/auth_clients` (DESIGN §6): the seed's Auth Clients page and its secret handling. */
export function registerClientRoutes(app: FastifyInstance, services: Services): void {
  const { clients, clientService, config } = services;

  async function find(id: number): Promise<Client> {
    const client = await clients.findById(id);
    if (!client) throw notFound('auth client');
    return client;
  }

  /** Granting permissions or first-party trust is bounded by what the caller holds (DESIGN §5). */
  function authorize(request: FastifyRequest, body: ClientBody, current?: Client) {
    const acting = actingOf(request);
    const added = (body.permissions ?? []).filter((p) => !current?.permissions.includes(p));
    assertCanGrant(acting, added);
    if (body.trusted !== undefined && body.trusted !== (current?.trusted ?? false)) assertAdministrator(acting, 'mark a client as trusted');
    return acting;
  }

  app.get<{ Querystring: CollectionQuerystring }>(
    '/auth_clients',
    apiRoute('view-auth_clients', {
      summary: 'List auth clients',
      description: 'Secrets are never listed; `filter` searches the name.',
      tags,
      querystring: collectionQuerystring(CLIENT_ORDER),
      response: { 200: collectionSchema(clientSchema) },
    }),
    async (request) => {
      const page = await clients.page(listQuery(request.query));
      return collection(page.items.map(clientResource), page.total, request.query);
    },
  );

  app.post<{ Body: ClientBody }>(
    '/auth_clients',
    apiRoute('create-auth_clients', {
      summary: 'Create an auth client',
      description: 'Answers the client with its `secret`, shown here (and at rotation).',
      tags,
      body: createClientBody,
      response: { 201: clientWithSecretSchema },
      errors: ['auth.forbidden'],
    }),
    async (request, reply) => {
      const input = readClientBody(request.body);
      const acting = authorize(request, request.body);
      const { client, secret } = await clientService.create(
        { name: input.name!, grantTypes: input.grantTypes!, redirectUris: input.redirectUris ?? [], confidential: input.confidential!, requirePkce: input.requirePkce, trusted: input.trusted, permissions: input.permissions, userId: acting.userId },
        acting.context,
      );
      return reply.code(201).send({ ...clientResource(client), secret });
    },
  );

  app.get<Id>(
    '/auth_clients/:id',
    apiRoute('view-auth_clients', { summary: 'Show an auth client', tags, params: idParams, response: { 200: clientSchema }, errors: ['resource.not_found'] }),
    async (request) => clientResource(await find(request.params.id)),
  );

  app.put<Id & { Body: ClientBody }>(
    '/auth_clients/:id',
    apiRoute('edit-auth_clients', {
      summary: 'Update an auth client',
      tags,
      params: idParams,
      body: updateClientBody,
      response: { 200: clientSchema },
      errors: ['resource.not_found', 'auth.forbidden', 'auth_client.built_in'],
    }),
    async (request) => {
      const current = await find(request.params.id);
      if (current.id === CONSOLE_CLIENT_ID || current.id === PERSONAL_ACCESS_CLIENT_ID) throw builtIn(current.id);
      const changes = readClientBody(request.body, current);
      const acting = authorize(request, request.body, current);
      const client = await clientService.update(current.id, changes, acting.context);
      if (!client) throw notFound('auth client');
      return clientResource(client);
    },
  );

  app.delete<Id>(
    '/auth_clients/:id',
    apiRoute('delete-auth_clients', {
      summary: 'Delete an auth client',
      description: 'Revokes the client and every token and code it holds, at once.',
      tags,
      params: idParams,
      response: noContent,
      errors: ['resource.not_found', 'auth_client.built_in'],
    }),
    async (request, reply) => {
      const { id } = request.params;
      if (id === CONSOLE_CLIENT_ID || id === PERSONAL_ACCESS_CLIENT_ID) throw builtIn(id);
      if (!(await clientService.delete(id, actingOf(request).context))) throw notFound('auth client');
      return reply.code(204).send();
    },
  );

  app.get<Id>(
    '/auth_clients/:id/secret',
    apiRoute('edit-auth_clients', {
      summary: "Reveal an auth client's secret",
      description: 'Only when secrets are stored encrypted (`GATEHOUSE_CLIENT_SECRETS=encrypted`); each reveal is audited.',
      tags,
      params: idParams,
      response: { 200: secretSchema },
      errors: ['resource.not_found', 'auth_client.secret_not_retrievable', 'auth_client.no_secret'],
    }),
    async (request) => {
      const { id } = request.params;
      await find(id);
      if (config.clientSecrets === 'hashed') throw notRetrievable();
      const result = await clientService.revealSecret(id, actingOf(request).context);
      if (result === undefined) throw notFound('auth client');
      if (result === 'public') throw noSecret();
      if (result === 'hashed') throw notRetrievable();
      return { id, secret: result.secret };
    },
  );

  app.post<Id & { Body: { grace_seconds: number } }>(
    '/auth_clients/:id/secret',
    apiRoute('edit-auth_clients', {
      summary: "Rotate an auth client's secret",
      description: 'Answers the new secret once. The old one stays valid for `grace_seconds` (default 0: revoked at once).',
      tags,
      params: idParams,
      body: rotateBody,
      response: { 200: rotatedSchema },
      errors: ['resource.not_found', 'auth_client.no_secret'],
    }),
    async (request) => {
      const client = await find(request.params.id);
      if (!client.confidential) throw noSecret();
      const grace = request.body.grace_seconds;
      const secret = await clientService.rotateSecret(client.id, grace, actingOf(request).context);
      if (secret === undefined) throw notFound('auth client');
      const [updated, stored] = await Promise.all([find(client.id), clients.findSecrets(client.id)]);
      const expires = stored?.previousSecretExpiresAt ? new Date(stored.previousSecretExpiresAt).toISOString() : null;
      return { ...clientResource(updated), secret, grace_seconds: grace, previous_secret_expires_at: expires };
    },
  );
}

function noSecret(): ApiError {
  return new ApiError('auth_client.no_secret', 'This client is public and has no secret.');
}

function notRetrievable(): ApiError {
  return new ApiError(
    'auth_client.secret_not_retrievable',
    'Client secrets are stored hashed (GATEHOUSE_CLIENT_SECRETS=hashed), so a secret is shown only when it is created or rotated. Rotate it to get a new one.',
  );
}
