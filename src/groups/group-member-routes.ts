import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../api/api-error.js';
import { collection, collectionQuerystring, collectionSchema, listQuery, type CollectionQuerystring } from '../api/pagination.js';
import { actingOf } from '../api/principal-context.js';
import { apiRoute, idParams, noContent } from '../api/route-schema.js';
import type { Services } from '../services.js';
import { USER_ORDER } from '../users/user-repository.js';
import { userResource } from '../users/user-resource.js';
import { userSchema } from '../users/user-schemas.js';
import type { Group } from './group.js';
import { GROUP_TAGS } from './group-routes.js';
import { memberBody, memberParams } from './group-schemas.js';

const tags = GROUP_TAGS;

/** `/groups/{id}/members` (DESIGN §6): list, add and remove users. */
export function registerGroupMemberRoutes(app: FastifyInstance, services: Services): void {
  const { groups, groupService, users } = services;

  async function find(id: number): Promise<Group> {
    const group = await groups.findById(id);
    if (!group) throw notFound('group');
    return group;
  }

  app.get<{ Params: { id: number }; Querystring: CollectionQuerystring }>(
    '/groups/:id/members',
    apiRoute('view-groups', {
      summary: "List a group's members",
      description: '`filter` searches username, email, first and last name.',
      tags,
      params: idParams,
      querystring: collectionQuerystring(USER_ORDER),
      response: { 200: collectionSchema(userSchema) },
      errors: ['resource.not_found'],
    }),
    async (request) => {
      const group = await find(request.params.id);
      const page = await groups.pageMembers(group.id, listQuery(request.query));
      return collection(page.items.map(userResource), page.total, request.query);
    },
  );

  app.post<{ Params: { id: number }; Body: { user_id: number } }>(
    '/groups/:id/members',
    apiRoute('edit-groups', {
      summary: 'Add a user to a group',
      description: 'The user then holds the group\'s permissions while the group is ACTIVE.',
      tags,
      params: idParams,
      body: memberBody,
      response: { 201: userSchema },
      errors: ['resource.not_found', 'auth.forbidden', 'resource.conflict'],
    }),
    async (request, reply) => {
      const group = await find(request.params.id);
      const user = await users.findById(request.body.user_id);
      if (!user) throw notFound('user');
      if (!(await groupService.addMember(group, user.id, actingOf(request)))) {
        throw new ApiError('resource.conflict', 'The user is already a member of this group.');
      }
      return reply.code(201).send(userResource(user));
    },
  );

  app.delete<{ Params: { id: number; user_id: number } }>(
    '/groups/:id/members/:user_id',
    apiRoute('edit-groups', {
      summary: 'Remove a user from a group',
      tags,
      params: memberParams,
      response: noContent,
      errors: ['resource.not_found', 'auth.forbidden'],
    }),
    async (request, reply) => {
      const group = await find(request.params.id);
      if (!(await groupService.removeMember(group, request.params.user_id, actingOf(request)))) throw notFound('group member');
      return reply.code(204).send();
    },
  );
}
