import { sign } from 'node:crypto';
import { jwtVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
import type { SigningAlg } from '../config/config.js';
import type { ActiveKey, KeyRing } from '../keys/key-ring.js';

export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  client_id: string;
  scope: string;
  jti: string;
  iat: number;
  exp: number;
}

/** The digest each JWS algorithm signs with (RFC 7518 §3.1; Ed25519 hashes internally, RFC 8037). */
const DIGEST: Record<SigningAlg, string | null> = { ES256: 'sha256', RS256: 'sha256', EdDSA: null };

function base64urlJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A JWS compact serialisation (RFC 7515 §7.1) signed with node:crypto: in one synchronous
 * call, or with `offLoop` on libuv's thread pool (for RS256, ten times the cost of ES256).
 * jose's SignJWT went through WebCrypto, which cost about twice the signature itself.
 */
export function signCompactJws(key: ActiveKey, typ: string, claims: object, offLoop: true): Promise<string>;
export function signCompactJws(key: ActiveKey, typ: string, claims: object, offLoop?: false): string;
export function signCompactJws(key: ActiveKey, typ: string, claims: object, offLoop = false): string | Promise<string> {
  const input = `${base64urlJson({ alg: key.alg, kid: key.kid, typ })}.${base64urlJson(claims)}`;
  // ES256 signatures are R || S, 64 bytes (RFC 7518 §3.4), not DER.
  const signingKey = key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' as const } : key.privateKey;
  const compact = (signature: Buffer) => `${input}.${signature.toString('base64url')}`;
  if (!offLoop) return compact(sign(DIGEST[key.alg], Buffer.from(input), signingKey));
  return new Promise((resolve, reject) => {
    sign(DIGEST[key.alg], Buffer.from(input), signingKey, (error, signature) => (error ? reject(error) : resolve(compact(signature))));
  });
}

/** RFC 9068 §2.1: `typ: at+jwt` and a `kid` naming the signing key. */
export async function signAccessToken(ring: KeyRing, alg: SigningAlg, claims: AccessTokenClaims): Promise<string> {
  return signCompactJws(await ring.signingKey(alg), 'at+jwt', claims);
}

/** Three dot-separated parts (a JWS in compact form), told apart without splitting the token. */
export function looksLikeJwt(token: string): boolean {
  const first = token.indexOf('.');
  const second = first < 0 ? -1 : token.indexOf('.', first + 1);
  return second >= 0 && token.indexOf('.', second + 1) < 0;
}

/**
 * Verifies signature, `typ`, issuer and audience (RFC 9068 §4). `checkExpiry: false` is for
 * revocation, where an expired token is still identified.
 */
export async function verifyAccessTokenJwt(
  ring: KeyRing,
  token: string,
  expected: { issuer: string; audience: string; now: number; checkExpiry?: boolean },
): Promise<AccessTokenClaims | undefined> {
  try {
    const { kid } = decodeProtectedHeader(token);
    if (!kid) return undefined;
    const key = await ring.verificationKey(kid);
    if (!key) return undefined;
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: expected.issuer,
      audience: expected.audience,
      typ: 'at+jwt',
      algorithms: [key.alg],
      currentDate: new Date(expected.now),
      clockTolerance: expected.checkExpiry === false ? Number.MAX_SAFE_INTEGER : 0,
    });
    return payload as unknown as AccessTokenClaims;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof TypeError || error instanceof SyntaxError) return undefined;
    throw error;
  }
}
