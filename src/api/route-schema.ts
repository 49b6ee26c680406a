import { API_ERROR_CODES, type ApiErrorCode } from './api-error.js';

export interface RouteSpec {
  summary: string;
  description?: string;
  tags: string[];
  params?: object;
  querystring?: object;
  body?: object;
  /** Success responses by status. */
  response: Record<number, object>;
  /** Error codes particular to this route; the common ones are added here. */
  errors?: ApiErrorCode[];
}

/** Bodies of the API are small JSON documents; anything larger is a 413 (SECURITY "Bad input"). */
export const API_BODY_LIMIT = 64 * 1024;

const ALWAYS: ApiErrorCode[] = ['auth.unauthenticated', 'auth.invalid_token', 'request.invalid', 'server.error', 'server.unavailable'];
const WITH_BODY: ApiErrorCode[] = ['request.too_large', 'request.unsupported_media_type', 'validation.failed'];

/** The error body every API failure has, narrowed to the codes a route can answer. */
export function errorSchema(codes: readonly string[]) {
  return {
    description: `Error: ${codes.join(', ')}`,
    type: 'object',
    required: ['message', 'code'],
    properties: {
      message: { type: 'string' },
      code: { type: 'string', enum: [...codes] },
      errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
  };
}

/**
 * Route options for an API route: the permission it declares (checked by the API plugin),
 * its JSON schemas, and every error it can answer, so the OpenAPI document is complete.
 */
export function apiRoute(permission: string, spec: RouteSpec) {
  const codes = new Set<ApiErrorCode>(ALWAYS);
  if (permission !== 'authenticated') codes.add('auth.insufficient_scope');
  if (spec.body) WITH_BODY.forEach((c) => codes.add(c));
  if (spec.querystring) codes.add('validation.failed');
  spec.errors?.forEach((c) => codes.add(c));
  const response: Record<number, object> = { ...spec.response };
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = API_ERROR_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) response[status] = errorSchema(list);
  const needs = permission === 'authenticated' ? 'any valid access token' : `the \`${permission}\` permission`;
  return {
    config: { permission },
    ...(spec.body ? { bodyLimit: API_BODY_LIMIT } : {}),
    schema: {
      summary: spec.summary,
      description: [spec.description, `Requires ${needs}.`].filter(Boolean).join('\n\n'),
      tags: spec.tags,
      security: [{ bearerAuth: [] }],
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      response,
    },
  };
}

/** `{id}` in the path: a positive integer; anything else is a 400 before any lookup. */
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } },
} as const;

export const timestamp = { type: 'string', format: 'date-time' } as const;
export const noContent = { 204: { description: 'Done; no body.', type: 'null' } } as const;
