import type { FastifyError, FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { ForbiddenError } from '../shared/forbidden-error.js';
import { ValidationError } from '../shared/validation-error.js';
import { isStoreUnavailable } from '../storage/store-errors.js';
import { ApiError } from './api-error.js';
import { authenticateBearer, requirePermission } from './bearer-auth.js';
import { registerMeRoutes } from './me.js';
import { registerOpenApi } from './openapi.js';
import { fieldMessages } from './validation-messages.js';
import { createValidatorCompiler } from './validator.js';

/** Every API route states what it needs: a permission name, or `authenticated` for any token. */
export type RoutePermission = string;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Served without a token (the OpenAPI document and its viewer). */
    public?: boolean;
  }
}

export type ApiRoutes = (app: FastifyInstance, services: Services) => void | Promise<void>;

export interface ApiOptions {
  services: Services;
  /** Domain route modules (users, clients, …) registered inside the API surface. */
  routes?: readonly ApiRoutes[];
}

/**
 * The REST surface `/api/1.0/*` (DESIGN §6): JSON, bearer auth on every route, the route's
 * declared permission checked before its handler, and `{message, errors}` error bodies.
 */
export async function apiPlugin(app: FastifyInstance, { services, routes = [] }: ApiOptions) {
  app.setValidatorCompiler(createValidatorCompiler());
  await registerOpenApi(app, services.config.issuer);
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD') return;
    if (route.config?.permission === undefined && !route.config?.public) {
      throw new Error(`API route ${route.method} ${route.url} must declare config.permission`);
    }
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('Cache-Control', 'no-store');
    done();
  });
  // Before schema validation, so that an unauthenticated caller learns nothing about the body rules.
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) return;
    request.principal = await authenticateBearer(services, request);
    if (permission !== 'authenticated') requirePermission(request.principal, permission);
  });
  app.setErrorHandler((error: Error, request, reply) => {
    const apiError = toApiError(error, request.log);
    return reply.code(apiError.statusCode).headers(apiError.headers).send(apiError.toJSON());
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(new ApiError('resource.not_found', 'Not Found.').toJSON()));

  registerMeRoutes(app, services);
  for (const register of routes) await register(app, services);
}

function toApiError(error: FastifyError | Error, log: { error: (o: object, m: string) => void }): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ValidationError) return new ApiError('validation.failed', error.message, error.errors);
  if (error instanceof ForbiddenError) return new ApiError('auth.forbidden', error.message);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = fieldMessages(fastifyError.validation as any);
    if (fastifyError.validationContext === 'params') return new ApiError('request.invalid', 'The URL names no valid resource id.', errors);
    return new ApiError('validation.failed', Object.values(errors)[0]?.[0] ?? 'The given data was invalid.', errors);
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new ApiError('request.invalid', 'The request body is not valid JSON.');
  }
  if (fastifyError.statusCode === 413) return new ApiError('request.too_large', 'The request body is too large.');
  if (fastifyError.statusCode === 415) return new ApiError('request.unsupported_media_type', 'The request body must be JSON.');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ApiError('request.invalid', 'The request could not be parsed.');
  }
  if (isStoreUnavailable(error)) {
    return new ApiError('server.unavailable', 'The service is temporarily unavailable; try again shortly.').withHeader('Retry-After', '5');
  }
  log.error({ err: error }, 'unexpected error');
  return new ApiError('server.error', 'Server Error.');
}
