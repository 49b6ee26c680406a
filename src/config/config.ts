/** The validated, frozen configuration every module receives (DESIGN §2). */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Issuer identifier (RFC 8414 §2); compared character for character. */
  readonly issuer: string;
  readonly databaseUrl: string;
  /** 32 bytes; encrypts client secrets and private keys at rest. */
  readonly masterKey: Buffer;
  readonly admin: { readonly username: string; readonly password?: string; readonly email: string };
  readonly ttl: {
    readonly accessToken: number;
    readonly refreshToken: number;
    readonly personalAccessToken: number;
    readonly authCode: number;
  };
  readonly clientSecrets: 'encrypted' | 'hashed';
  /** Algorithm of access tokens; RS256 keys are always kept for ID tokens (OIDC Core §15.1). */
  readonly signingAlg: SigningAlg;
  readonly redisUrl?: string;
  readonly logLevel: string;
  /** Fastify `trustProxy`: false, true (any peer), a hop count, or the proxies' addresses/CIDRs. */
  readonly trustProxy: boolean | number | string;
  readonly throttle: { readonly maxFailures: number; readonly windowSeconds: number };
}

export const SIGNING_ALGS = ['ES256', 'EdDSA', 'RS256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

export class ConfigError extends Error {
  constructor(readonly variable: string, allowed: string) {
    super(`${variable}: ${allowed}`);
    this.name = 'ConfigError';
  }
}
