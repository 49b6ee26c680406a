import { isIP } from 'node:net';
import { join } from 'node:path';
import { ConfigError, SIGNING_ALGS, type Config } from './config.js';
import { boolean, integer, oneOf, read, type Env } from './env-schema.js';
import { validateIssuer } from './issuer.js';
import { decodeMasterKey, loadOrCreateMasterKeyFile, MASTER_KEY_VARIABLE } from './master-key.js';

const DAY = 86_400;

export interface LoadOptions {
  /** Where the development master key lives when GATEHOUSE_MASTER_KEY is unset. */
  dataDir?: string;
  /** Called once when a development-only default is used. */
  warn?: (message: string) => void;
}

/** Validates the environment once (DESIGN §2) and returns a frozen Config. */
export function loadConfig(env: Env, options: LoadOptions = {}): Config {
  const port = integer(env, 'PORT', 8080, 0, 65_535);
  const issuer = validateIssuer(read(env, 'GATEHOUSE_ISSUER') ?? `http://localhost:${port}`);
  const databaseUrl = read(env, 'DATABASE_URL') ?? 'sqlite:./data/gatehouse.db';
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://');
  }
  const config: Config = {
    port,
    host: read(env, 'HOST') ?? '127.0.0.1',
    issuer,
    databaseUrl,
    masterKey: masterKey(env, options),
    admin: {
      username: read(env, 'GATEHOUSE_ADMIN_USERNAME') ?? 'admin',
      password: read(env, 'GATEHOUSE_ADMIN_PASSWORD'),
      email: read(env, 'GATEHOUSE_ADMIN_EMAIL') ?? 'admin@localhost',
    },
    ttl: {
      accessToken: integer(env, 'ACCESS_TOKEN_TTL', 3600, 60, 7 * DAY),
      refreshToken: integer(env, 'REFRESH_TOKEN_TTL', 30 * DAY, 60, 3650 * DAY),
      personalAccessToken: integer(env, 'PERSONAL_ACCESS_TOKEN_TTL', 365 * DAY, 60, 3650 * DAY),
      // RFC 6749 §4.1.2: a maximum lifetime of 10 minutes is recommended.
      authCode: integer(env, 'AUTH_CODE_TTL', 60, 5, 600),
    },
    clientSecrets: oneOf(env, 'GATEHOUSE_CLIENT_SECRETS', ['encrypted', 'hashed'] as const, 'encrypted'),
    signingAlg: oneOf(env, 'GATEHOUSE_SIGNING_ALG', SIGNING_ALGS, 'ES256'),
    redisUrl: redisUrl(env),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    trustProxy: trustProxy(env),
    throttle: {
      maxFailures: integer(env, 'THROTTLE_MAX_FAILURES', 10, 1, 10_000),
      windowSeconds: integer(env, 'THROTTLE_WINDOW', 300, 1, DAY),
    },
  };
  return deepFreeze(config);
}

function masterKey(env: Env, options: LoadOptions): Buffer {
  const raw = read(env, MASTER_KEY_VARIABLE);
  if (raw !== undefined) return decodeMasterKey(raw);
  const path = join(options.dataDir ?? 'data', 'master.key');
  const { key, created } = loadOrCreateMasterKeyFile(path);
  if (created) options.warn?.(`${MASTER_KEY_VARIABLE} is unset: generated ${path} (development only)`);
  return key;
}

/**
 * `TRUST_PROXY`: `false`, `true` (trust any peer: the leftmost X-Forwarded-For wins), a hop
 * count, or a comma-separated list of the proxies' addresses or CIDRs (the safe choice: the
 * client address is the first one, from the right, that is not a listed proxy).
 */
function trustProxy(env: Env): boolean | number | string {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined || /^(true|false|yes|no)$/i.test(raw)) return boolean(env, 'TRUST_PROXY', false);
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const addresses = raw.split(',').map((a) => a.trim());
  if (addresses.every((a) => isIP(a.split('/')[0]) !== 0)) return addresses.join(',');
  throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count, or a list of proxy addresses/CIDRs, got "${raw}"`);
}

function redisUrl(env: Env): string | undefined {
  const raw = read(env, 'REDIS_URL');
  if (raw !== undefined && !/^rediss?:\/\//.test(raw)) {
    throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  }
  return raw;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object' && !Buffer.isBuffer(child)) deepFreeze(child);
  }
  return Object.freeze(value);
}
