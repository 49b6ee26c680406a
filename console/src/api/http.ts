import { refreshNow, startSignIn } from '../auth/session';
import type { RuntimeConfig } from '../auth/runtime-config';
import { tokenStore } from '../auth/token-store';

/** A non-2xx answer from `/api/1.0`: `{message, errors}` (422 carries field messages). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string[]> = {},
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

let runtime: RuntimeConfig | undefined;

/** Set once at start-up (main.tsx) so calls can refresh or restart sign-in. */
export function configureApi(config: RuntimeConfig): void {
  runtime = config;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = tokenStore.get()?.accessToken;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`/api/1.0${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'omit',
  });
}

/** Calls the REST API with the in-memory bearer token; one silent refresh on 401. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && runtime) {
    if (await refreshNow(runtime)) response = await send(path, options);
    if (response.status === 401) {
      await startSignIn(runtime, window.location.pathname + window.location.search);
      throw new ApiRequestError(401, 'Your session has ended. Signing in again…');
    }
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const message = typeof body.message === 'string' ? body.message : `Request failed (HTTP ${response.status}).`;
    throw new ApiRequestError(response.status, message, (body.errors as Record<string, string[]>) ?? {}, body.code as string | undefined);
  }
  return body as T;
}

/** A short message for a toast or banner from anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
