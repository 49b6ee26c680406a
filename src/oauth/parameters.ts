import type { FastifyRequest } from 'fastify';
import { InvalidRequest } from './errors.js';

export type Parameters = Readonly<Record<string, string>>;

/**
 * Reads an OAuth request body (form per RFC 6749, or JSON as ProcessMaker clients send):
 * a repeated parameter is `invalid_request` (§3.1), an empty one counts as absent, and
 * credentials in the query string are refused (§2.3.1).
 */
export function readParameters(request: FastifyRequest, forbiddenInQuery: readonly string[] = ['client_secret']): Parameters {
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const name of forbiddenInQuery) {
    if (query[name] !== undefined) throw new InvalidRequest(`${name} must not be sent in the query string.`);
  }
  const body = request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new InvalidRequest('The request body must be form-encoded parameters.');
  const params: Record<string, string> = {};
  const fields = body as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    const value = fields[name];
    if (Array.isArray(value)) throw new InvalidRequest(`The ${name} parameter is repeated.`);
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'object') throw new InvalidRequest(`The ${name} parameter must be a string.`);
    const text = String(value);
    // No OAuth parameter may carry a NUL; databases refuse it in text (PostgreSQL 22021).
    if (text.includes('\u0000')) throw new InvalidRequest(`The ${name} parameter contains a NUL character.`);
    params[name] = text;
  }
  return params;
}

export function required(params: Parameters, name: string): string {
  const value = params[name];
  if (value === undefined) throw new InvalidRequest(`The ${name} parameter is required.`);
  return value;
}
