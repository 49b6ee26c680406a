import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Harness } from '../helpers/harness.js';

/** A PKCE verifier and its S256 challenge (RFC 7636 §4.1–4.2). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The hidden and visible inputs of the first form on a page (name → value). */
export function formFields(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(match[0])?.[1];
    const value = /value="([^"]*)"/.exec(match[0])?.[1] ?? '';
    if (name) fields[name] = value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return fields;
}

/** A cookie jar over `app.inject`, as a browser would keep it for one origin. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    const header = response.headers['set-cookie'];
    for (const line of header === undefined ? [] : Array.isArray(header) ? header : [header]) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ') };
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url: relative(url), headers: this.cookieHeader() }));
  }

  async post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url: relative(url),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
        payload: new URLSearchParams(form).toString(),
      }),
    );
  }

  /** Submits the page's form with its hidden fields plus `extra`. */
  async submit(page: LightMyRequestResponse, extra: Record<string, string>): Promise<LightMyRequestResponse> {
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`no form on the page: ${page.body.slice(0, 200)}`);
    return this.post(action, { ...formFields(page.body), ...extra });
  }
}

function relative(url: string): string {
  return url.startsWith('http') ? url.replace(/^https?:\/\/[^/]+/, '') : url;
}

export function authorizeUrl(params: Record<string, string>): string {
  return `/oauth/authorize?${new URLSearchParams(params)}`;
}

export function location(response: LightMyRequestResponse): URL {
  const value = response.headers.location;
  if (typeof value !== 'string') throw new Error(`expected a redirect, got ${response.statusCode}: ${response.body.slice(0, 300)}`);
  return new URL(value, 'http://localhost:8080');
}

export interface FlowOptions {
  username?: string;
  password?: string;
  /** Press Allow if the consent page shows up. */
  consent?: boolean;
}

/**
 * Drives authorize → login (if needed) → consent (if shown) and returns the final redirect
 * to the client.
 */
export async function signIn(browser: Browser, params: Record<string, string>, options: FlowOptions = {}): Promise<URL> {
  let response = await browser.get(authorizeUrl(params));
  for (let step = 0; step < 6; step++) {
    if (response.statusCode === 200 && response.body.includes('action="/oauth/consent"')) {
      if (options.consent === false) return location(await browser.submit(response, { decision: 'deny' }));
      response = await browser.submit(response, { decision: 'allow' });
      continue;
    }
    if (response.statusCode === 200 && response.body.includes('action="/oauth/login"')) {
      response = await browser.submit(response, { username: options.username ?? 'admin', password: options.password ?? ADMIN });
      continue;
    }
    const next = location(response);
    if (next.pathname === '/oauth/login' || next.pathname === '/oauth/authorize') {
      response = await browser.get(next.pathname + next.search);
      continue;
    }
    return next;
  }
  throw new Error('sign-in did not finish');
}

const ADMIN = 'admin-password-for-tests';

export const REDIRECT = 'https://app.example/cb';

export interface TestClient {
  id: number;
  secret: string;
  /** A PKCE pair for this client's next request. */
  pkce: { verifier: string; challenge: string };
  /** Authorization request parameters, with a fresh PKCE challenge, state and nonce. */
  params(extra?: Record<string, string>): Record<string, string>;
  /** Redeems a code from a redirect with the right verifier (and the secret if confidential). */
  redeem(back: URL, extra?: Record<string, string>): ReturnType<Harness['post']>;
}

/** A registered code client (public + PKCE unless told otherwise) with request helpers. */
export async function codeClient(h: Harness, extra: Parameters<Harness['createClient']>[1] = {}): Promise<TestClient> {
  const { id, secret } = await h.createClient(['authorization_code'], { confidential: false, redirectUris: [REDIRECT], ...extra });
  const client: TestClient = {
    id,
    secret,
    pkce: pkce(),
    params(more = {}) {
      client.pkce = pkce();
      return {
        response_type: 'code',
        client_id: String(id),
        redirect_uri: (extra.redirectUris ?? [REDIRECT])[0],
        scope: 'openid profile email',
        state: `state-${randomBytes(4).toString('hex')}`,
        nonce: `nonce-${randomBytes(4).toString('hex')}`,
        code_challenge: client.pkce.challenge,
        code_challenge_method: 'S256',
        ...more,
      };
    },
    redeem(back, more = {}) {
      return redeem(h, {
        client_id: String(id),
        ...(secret ? { client_secret: secret } : {}),
        code: back.searchParams.get('code') ?? '',
        redirect_uri: (extra.redirectUris ?? [REDIRECT])[0],
        code_verifier: client.pkce.verifier,
        ...more,
      });
    },
  };
  return client;
}

/** A browser already signed in (through a trusted client, so no consent page). */
export async function signedInBrowser(h: Harness, username = 'admin', password = ADMIN): Promise<Browser> {
  const browser = new Browser(h.app);
  const login = await browser.get('/oauth/login');
  const done = await browser.submit(login, { username, password });
  if (done.statusCode !== 303 || done.headers.location !== '/oauth/account') throw new Error(`sign-in failed: ${done.statusCode} ${done.headers.location}`);
  return browser;
}

/** Exchanges a code at the token endpoint. */
export function redeem(h: Harness, form: Record<string, string>, headers: Record<string, string> = {}) {
  return h.post('/oauth/token', { grant_type: 'authorization_code', ...form }, headers);
}
