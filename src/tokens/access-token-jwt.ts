import { SignJWT, jwtVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
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

/** RFC 9068 §2.1: `typ: at+jwt` and a `kid` naming the signing key. */
export async function signAccessToken(ring: KeyRing, alg: SigningAlg, claims: AccessTokenClaims): Promise<string> {
  const key = await ring.signingKey(alg);
  const { iat, exp, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key.privateKey);
}

export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
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
