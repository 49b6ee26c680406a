import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../api/api-error.js';
import { collection, collectionQuerystring, collectionSchema, listQuery, type CollectionQuerystring } from '../api/pagination.js';
import { actingOf } from '../api/principal-context.js';
import { apiRoute, idParams, noContent } from '../api/route-schema.js';
import { userPermissions } from '../permissions/effective-permissions.js';
import type { Services } from '../services.js';
import type { User } from './user.js';
import { USER_ORDER } from './user-repository.js';
import { userResource } from './user-resource.js';
import type { UserInput } from './user-service.js';
import { createUserBody, updateUserBody, userDetailSchema, userSchema, type UserBody } from './user-schemas.js';

const tags = ['Users'];
type Id = { Params: { id: number } };

function toInput(body: UserBody): UserInput {
  const { is_administrator, ...rest } = body;
  return { ...rest, isAdministrator: is_administrator };
}

/** `/users` (DESIGN §6); the rules against escalation live in the user service. */
export function registerUserRoutes(app: FastifyInstance, services: Services): void {
  const { users, userService, permissions, groups } = services;

  async function find(id: number): Promise<User> {
    const user = await users.findById(id);
    if (!user) throw notFound('user');
    return user;
  }

  async function detail(user: User) {
    const [direct, effective, memberOf] = await Promise.all([permissions.directNamesForUser(user.id), userPermissions(permissions, user), groups.groupsOfUser(user.id)]);
    return { ...userResource(user), permissions: direct, effective_permissions: effective, groups: memberOf.map((g) => ({ id: g.id, name: g.name })) };
  }

  app.get<{ Querystring: CollectionQuerystring & { status?: 'ACTIVE' | 'INACTIVE' } }>(
    '/users',
    apiRoute('view-users', {
      summary: 'List users',
      description: '`filter` searches username, email, first and last name.',
      tags,
      querystring: collectionQuerystring(USER_ORDER, { status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] } }),
      response: { 200: collectionSchema(userSchema) },
    }),
    async (request) => {
      const page = await users.page(listQuery(request.query), { status: request.query.status });
      return collection(page.items.map(userResource), page.total, request.query);
    },
  );

  app.post<{ Body: UserBody & { username: string; email: string; password: string } }>(
    '/users',
    apiRoute('create-users', { summary: 'Create a user', tags, body: createUserBody, response: { 201: userDetailSchema }, errors: ['auth.forbidden'] }),
    async (request, reply) => {
      const user = await userService.create({ ...toInput(request.body), username: request.body.username, email: request.body.email, password: request.body.password }, actingOf(request));
      return reply.code(201).send(await detail(user));
    },
  );

  app.get<Id>(
    '/users/:id',
    apiRoute('view-users', { summary: 'Show a user', tags, params: idParams, response: { 200: userDetailSchema }, errors: ['resource.not_found'] }),
    async (request) => detail(await find(request.params.id)),
  );

  app.put<Id & { Body: UserBody }>(
    '/users/:id',
    apiRoute('edit-users', {
      summary: 'Update a user',
      description: 'Deactivating a user or changing their password revokes their tokens at once.',
      tags,
      params: idParams,
      body: updateUserBody,
      response: { 200: userDetailSchema },
      errors: ['resource.not_found', 'auth.forbidden'],
    }),
    async (request) => detail(await userService.update(await find(request.params.id), toInput(request.body), actingOf(request))),
  );

  app.delete<Id>(
    '/users/:id',
    apiRoute('delete-users', {
      summary: 'Delete a user',
      description: 'Their tokens, sessions and group memberships go with them.',
      tags,
      params: idParams,
      response: noContent,
      errors: ['resource.not_found', 'auth.forbidden', 'resource.conflict'],
    }),
    async (request, reply) => {
      const acting = actingOf(request);
      const user = await find(request.params.id);
      if (acting.userId === user.id) throw new ApiError('resource.conflict', 'You cannot delete your own account.');
      await userService.delete(user, acting);
      return reply.code(204).send();
    },
  );
}
