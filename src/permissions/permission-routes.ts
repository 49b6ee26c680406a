import type { FastifyInstance } from 'fastify';
import { collection, collectionQuerystring, collectionSchema, MAX_PER_PAGE, type CollectionQuerystring } from '../api/pagination.js';
import { apiRoute } from '../api/route-schema.js';
import type { Services } from '../services.js';

const ORDER = ['name', 'title', 'group', 'id'] as const;

const permissionSchema = {
  type: 'object',
  required: ['id', 'name', 'title', 'group'],
  properties: { id: { type: 'integer' }, name: { type: 'string' }, title: { type: 'string' }, group: { type: 'string' } },
} as const;

/**
 * `GET /permissions`: the catalogue of ProcessMaker's permission names (DESIGN §5), which any
 * signed-in caller may read to render grant pickers. Grants are made on `/users/{id}` and
 * `/groups/{id}` (`permissions`). The catalogue is small and fixed, so it is paged in memory.
 */
export function registerPermissionRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Querystring: CollectionQuerystring }>(
    '/permissions',
    apiRoute('authenticated', {
      summary: 'List permissions',
      description: '`filter` searches name, title and group.',
      tags: ['Permissions'],
      querystring: collectionQuerystring(ORDER, {}, { perPage: MAX_PER_PAGE }),
      response: { 200: collectionSchema(permissionSchema) },
    }),
    async (request) => {
      const { filter, order_by, order_direction, page, per_page } = request.query;
      const term = filter?.trim().toLowerCase();
      const key = order_by as (typeof ORDER)[number];
      const all = (await services.permissions.list())
        .filter((p) => !term || [p.name, p.title, p.group].some((v) => v.toLowerCase().includes(term)))
        .sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id) * (order_direction === 'desc' ? -1 : 1));
      return collection(all.slice((page - 1) * per_page, page * per_page), all.length, request.query);
    },
  );
}
