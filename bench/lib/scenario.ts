import type { Options, Request } from 'autocannon';

/** What the Gatehouse bench server seeded, sent to the orchestrator once it listens. */
export interface Seed {
  url: string;
  admin: { username: string; password: string };
  clients: {
    /** Confidential, `client_credentials`, holds `view-users`. */
    credentials: { id: number; secret: string };
    /** Confidential, `password` (and so `refresh_token`). */
    password: { id: number; secret: string };
    /** Confidential, `authorization_code`, trusted (no consent page); undefined until that grant exists. */
    code?: { id: number; secret: string; redirectUri: string };
  };
  /** Rows in `oauth_clients`, for the list scenario. */
  clientCount: number;
  /** The server process (set by the orchestrator), whose CPU time the load generator reads. */
  pid?: number;
}

/** The load a scenario puts on a server: autocannon's options minus url and pacing. */
export type LoadOptions = Pick<Options, 'method' | 'path' | 'headers' | 'body' | 'requests' | 'setupClient'>;

/**
 * One benchmark scenario. `prepare` runs in the orchestrator (it may call the server to get
 * tokens) and returns JSON-serialisable parameters; `load` runs in the load-generator
 * process and turns them into autocannon requests.
 */
export interface Scenario<P = unknown> {
  name: string;
  /** What the scenario measures, for the table and docs/performance.md. */
  description: string;
  /** The minimum ratio to the baseline (issue 8); undefined when only reported. */
  target?: number;
  /**
   * Measured beside the signing floor: each slice follows one of the floor, and both divide by
   * the same baselines, so that the two are compared in the same minutes.
   */
  besideSigningFloor?: boolean;
  prepare(seed: Seed, connections: number): Promise<P>;
  load(params: P, seed: Seed): LoadOptions;
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export function basic(id: number, secret: string): string {
  return 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' } as const;

/** One HTTP call from the orchestrator (setup only, never measured). */
export async function call(seed: Seed, path: string, init: RequestInit = {}): Promise<any> {
  const response = await fetch(seed.url + path, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

export function tokenRequest(seed: Seed, client: { id: number; secret: string }, fields: Record<string, string>): Promise<any> {
  return call(seed, '/oauth/token', {
    method: 'POST',
    headers: { ...FORM, authorization: basic(client.id, client.secret) },
    body: form(fields),
  });
}

export function passwordToken(seed: Seed): Promise<{ access_token: string; refresh_token: string }> {
  return tokenRequest(seed, seed.clients.password, { grant_type: 'password', username: seed.admin.username, password: seed.admin.password, scope: '*' });
}

/** Per-connection requests: `state` lives as long as the connection (autocannon resets its own context every cycle). */
export function perConnection<S>(init: () => S, requests: (state: S) => Request[]): LoadOptions['setupClient'] {
  return (client) => client.setRequests(requests(init()));
}
