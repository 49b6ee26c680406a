/**
 * The REST API's one error type (STYLE §7): a typed `code`, a status and optional field
 * messages. Every code is listed in API_ERROR_CODES so the OpenAPI document can name it.
 */
export const API_ERROR_CODES = {
  'auth.unauthenticated': 401,
  'auth.invalid_token': 401,
  'auth.insufficient_scope': 403,
  'auth.forbidden': 403,
  /** Too many failed password checks for this user from this address; see Retry-After. */
  'auth.throttled': 429,
  'request.invalid': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'validation.failed': 422,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'auth_client.secret_not_retrievable': 409,
  'auth_client.no_secret': 409,
  'auth_client.built_in': 409,
  'server.error': 500,
  'server.unavailable': 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export class ApiError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string> = {};

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly errors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = API_ERROR_CODES[code];
  }

  withHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }

  toJSON() {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export const notFound = (what = 'resource') => new ApiError('resource.not_found', `The ${what} was not found.`);
