import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { Services } from '../../services.js';

export interface IdTokenHint {
  sub: string;
  clientId: string;
}

/**
 * Reads an `id_token_hint` (OIDC RP-Initiated Logout §2): an ID token this server signed
 * for the client; an expired one is still a valid hint. Undefined when it is not one.
 */
export async function readIdTokenHint(services: Services, token: string): Promise<IdTokenHint | undefined> {
  try {
    const { kid } = decodeProtectedHeader(token);
    const key = kid ? await services.ring.verificationKey(kid) : undefined;
    if (!key) return undefined;
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: services.config.issuer,
      algorithms: [key.alg],
      clockTolerance: Number.MAX_SAFE_INTEGER,
      currentDate: new Date(services.clock.now()),
    });
    const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
    return typeof payload.sub === 'string' && typeof aud === 'string' ? { sub: payload.sub, clientId: aud } : undefined;
  } catch {
    return undefined;
  }
}
