import { sign } from 'node:crypto';
import { jwtVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
import type { SigningAlg } from '../config/config.js';
import type { KeyRing } from '../keys/key-ring.js';

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
 * RFC 9068 §2.1: `typ: at+jwt` and a `kid` naming the signing key. A JWS compact
 * serialisation (RFC 7515 §7.1) signed with node:crypto in one synchronous call: jose's
 * SignJWT went through WebCrypto, which cost about twice the signature itself.
 */
export async function signAccessToken(ring: KeyRing, alg: SigningAlg, claims: AccessTokenClaims): Promise<string> {
  const key = await ring.signingKey(alg);
  const input = `${base64urlJson({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })}.${base64urlJson(claims)}`;
  // ES256 signatures are R || S, 64 bytes (RFC 7518 §3.4), not DER.
  const signature = sign(DIGEST[key.alg], Buffer.from(input), key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
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
