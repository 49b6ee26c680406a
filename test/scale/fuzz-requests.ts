/** Deterministic generator of malformed and random HTTP requests for the fuzz test. */
export function prng(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

const PATHS = [
  '/oauth/token', '/oauth/revoke', '/oauth/introspect', '/oauth/authorize', '/oauth/login', '/oauth/userinfo',
  '/oauth/logout', '/oauth/jwks', '/.well-known/openid-configuration', '/api/1.0/me', '/api/1.0/users',
  '/api/1.0/users/1', '/api/1.0/users/abc', '/api/1.0/auth_clients', '/api/1.0/auth_clients/3',
  '/api/1.0/auth_clients/99999999999999999999/secret', '/api/1.0/groups', '/api/1.0/security_logs', '/api/1.0/users/1/tokens',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
const FIELDS = ['grant_type', 'client_id', 'client_secret', 'username', 'password', 'scope', 'refresh_token', 'token', 'token_type_hint', 'code', 'redirect_uri', 'code_verifier', 'response_type', 'state', 'name', 'types', 'redirect', 'per_page', 'page', 'filter', 'order_by', 'email', '__proto__', 'constructor'];
const VALUES = ['', ' ', 'password', 'client_credentials', 'refresh_token', 'authorization_code', '3', '-1', '0', '1e309', 'NaN', "' OR 1=1 --", '%00', '\u0000', '\ud800', '../../etc/passwd', '<script>alert(1)</script>', '*', 'a'.repeat(5000), '{"$gt":""}', 'null', 'true'];

export interface FuzzRequest {
  method: (typeof METHODS)[number];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export function randomRequest(r: ReturnType<typeof prng>, validToken: string): FuzzRequest {
  const method = r.pick(METHODS);
  let url = r.pick(PATHS);
  if (r.next() < 0.3) url += '?' + randomForm(r);
  const headers: Record<string, string> = {};
  const auth = r.int(6);
  if (auth === 0) headers.authorization = 'Basic ' + Buffer.from(`${r.pick(VALUES)}:${r.pick(VALUES)}`).toString('base64');
  if (auth === 1) headers.authorization = 'Bearer ' + r.pick([validToken, validToken + 'x', 'a.b.c', r.pick(VALUES)]);
  if (auth === 2) headers.authorization = r.pick(['Basic', 'Bearer', 'Basic !!!', 'Digest x', 'Bearer ' + 'x'.repeat(9000)]);
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return { method, url, headers };
  const kind = r.int(6);
  if (kind === 0) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { method, url, headers, payload: randomForm(r) };
  }
  if (kind === 1) {
    headers['content-type'] = 'application/json';
    return { method, url, headers, payload: JSON.stringify(randomJson(r, 0)) };
  }
  if (kind === 2) {
    headers['content-type'] = r.pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16']);
    return { method, url, headers, payload: Buffer.from(Array.from({ length: r.int(2000) }, () => r.int(256))) };
  }
  if (kind === 3) {
    headers['content-type'] = 'application/json';
    return { method, url, headers, payload: '{"a":' + '['.repeat(r.int(5000)) };
  }
  if (kind === 4) {
    headers['content-type'] = r.pick(['application/json', 'application/x-www-form-urlencoded']);
    return { method, url, headers, payload: 'x'.repeat(r.pick([10, 70_000, 300_000, 1_200_000])) };
  }
  return { method, url, headers };
}

const RAW_ENCODED = ['%ED%A0%80', '%FF%FE', '%', '%zz', '%C0%AF', '+%2B+'];

/** Percent-encodes every byte, so lone surrogates become (invalid) UTF-8 on the wire. */
const encode = (value: string) => [...Buffer.from(value)].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');

function randomForm(r: ReturnType<typeof prng>): string {
  const value = () => (r.next() < 0.1 ? r.pick(RAW_ENCODED) : encode(r.pick(VALUES)));
  return Array.from({ length: 1 + r.int(8) }, () => `${encode(r.pick(FIELDS))}=${value()}`).join('&');
}

function randomJson(r: ReturnType<typeof prng>, depth: number): unknown {
  const kind = depth > 3 ? r.int(4) : r.int(6);
  if (kind === 0) return r.pick(VALUES);
  if (kind === 1) return r.pick([0, -1, 3, 1e308, 2 ** 53 + 1, 0.5]);
  if (kind === 2) return r.pick([true, false, null]);
  if (kind === 3) return r.pick(VALUES).slice(0, 10);
  if (kind === 4) return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
  return Object.fromEntries(Array.from({ length: 1 + r.int(6) }, () => [r.pick(FIELDS), randomJson(r, depth + 1)]));
}
