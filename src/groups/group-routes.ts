import type { FastifyInstance } from 'fastify';
import { notFound } from '../api/api-error.js';
import { collection, collectionQuerystring, collectionSchema, listQuery, type CollectionQuerystring } from '../api/pagination.js';
import { actingOf } from '../api/principal-context.js';
import { apiRoute, idParams, noContent } from '../api/route-schema.js';
import type { Services } from '../services.js';
import type { Group } from './group.js';
import { GROUP_ORDER } from './group-repository.js';
import { groupResource } from './group-resource.js';
import { createGroupBody, groupDetailSchema, groupSchema, updateGroupBody, type GroupBody } from './group-schemas.js';

export const GROUP_TAGS = ['Groups'];
type Id = { Params: { id: number } };

/** `/groups` (DESIGN §6); members are in group-member-routes.ts. */
export function registerGroupRoutes(app: FastifyInstance, services: Services): void {
  const { groups, groupService, permissions } = services;
  const tags = GROUP_TAGS;

  async function find(id: number): Promise<Group> {
    const group = await groups.findById(id);
    if (!group) throw notFound('group');
    return group;
  }

  async function detail(group: Group) {
    const [count, names] = await Promise.all([groups.countMembers(group.id), permissions.namesForGroup(group.id)]);
    return { ...groupResource(group, count), permissions: names };
  }

  app.get<{ Querystring: CollectionQuerystring }>(
    '/groups',
    apiRoute('view-groups', {
      summary: 'List groups',
      description: '`filter` searches name and description.',
      tags,
      querystring: collectionQuerystring(GROUP_ORDER),
      response: { 200: collectionSchema(groupSchema) },
    }),
    async (request) => {
      const page = await groups.page(listQuery(request.query));
      return collection(page.items.map((g) => groupResource(g, g.membersCount)), page.total, request.query);
    },
  );

  app.post<{ Body: GroupBody & { name: string } }>(
    '/groups',
    apiRoute('create-groups', { summary: 'Create a group', tags, body: createGroupBody, response: { 201: groupDetailSchema }, errors: ['auth.forbidden'] }),
    async (request, reply) => reply.code(201).send(await detail(await groupService.create(request.body, actingOf(request)))),
  );

  app.get<Id>(
    '/groups/:id',
    apiRoute('view-groups', { summary: 'Show a group', tags, params: idParams, response: { 200: groupDetailSchema }, errors: ['resource.not_found'] }),
    async (request) => detail(await find(request.params.id)),
  );

  app.put<Id & { Body: GroupBody }>(
    '/groups/:id',
    apiRoute('edit-groups', {
      summary: 'Update a group',
      tags,
      params: idParams,
      body: updateGroupBody,
      response: { 200: groupDetailSchema },
      errors: ['resource.not_found', 'auth.forbidden'],
    }),
    async (request) => detail(await groupService.update(await find(request.params.id), request.body, actingOf(request))),
  );

  app.delete<Id>(
    '/groups/:id',
    apiRoute('delete-groups', { summary: 'Delete a group', tags, params: idParams, response: noContent, errors: ['resource.not_found', 'auth.forbidden'] }),
    async (request, reply) => {
      await groupService.delete(await find(request.params.id), actingOf(request));
      return reply.code(204).send();
    },
  );
}
