import type { ListQuery } from '../shared/list-query.js';

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 10;

export interface CollectionQuerystring {
  filter?: string;
  order_by: string;
  order_direction: 'asc' | 'desc';
  page: number;
  per_page: number;
}

/**
 * The collection parameters of DESIGN §6 as a query-string schema. `order_by` is a
 * whitelist per resource; `extra` adds resource-specific filters.
 */
export function collectionQuerystring(orderBy: readonly string[], extra: Record<string, object> = {}, defaults: { order?: string; direction?: 'asc' | 'desc'; perPage?: number } = {}) {
  return {
    type: 'object',
    properties: {
      filter: { type: 'string', maxLength: 255, description: 'Case-insensitive substring search over the main text fields.' },
      order_by: { type: 'string', enum: [...orderBy], default: defaults.order ?? orderBy[0] },
      order_direction: { type: 'string', enum: ['asc', 'desc'], default: defaults.direction ?? 'asc' },
      page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
      per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: defaults.perPage ?? DEFAULT_PER_PAGE },
      ...extra,
    },
  } as const;
}

export function listQuery(query: CollectionQuerystring): ListQuery {
  const search = query.filter?.trim();
  return {
    search: search ? search : undefined,
    orderBy: query.order_by,
    direction: query.order_direction,
    offset: (query.page - 1) * query.per_page,
    limit: query.per_page,
  };
}

/** `{data, meta}` of DESIGN §6. */
export function collection<T>(data: T[], total: number, query: CollectionQuerystring) {
  return {
    data,
    meta: {
      total,
      count: data.length,
      per_page: query.per_page,
      current_page: query.page,
      total_pages: Math.max(1, Math.ceil(total / query.per_page)),
    },
  };
}

export const collectionMetaSchema = {
  type: 'object',
  required: ['total', 'count', 'per_page', 'current_page', 'total_pages'],
  properties: {
    total: { type: 'integer' },
    count: { type: 'integer' },
    per_page: { type: 'integer' },
    current_page: { type: 'integer' },
    total_pages: { type: 'integer' },
  },
} as const;

export function collectionSchema(item: object) {
  return { type: 'object', required: ['data', 'meta'], properties: { data: { type: 'array', items: item }, meta: collectionMetaSchema } };
}
