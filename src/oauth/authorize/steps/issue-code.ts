import type { Client } from '../../../clients/client.js';
import { sha256 } from '../../../crypto/digest.js';
import { randomToken, timeOrderedId } from '../../../crypto/random.js';
import type { Services } from '../../../services.js';
import type { LoginSession } from '../../../sessions/login-session.js';
import type { User } from '../../../users/user.js';

export interface CodeGrant {
  client: Client;
  user: User;
  session: LoginSession;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  nonce: string | undefined;
}

/**
 * RFC 6749 §4.1.2: a 256-bit code, stored as its SHA-256, living AUTH_CODE_TTL seconds
 * (60 by default, §4.1.2 recommends at most 10 minutes), bound to the client, redirect
 * URI, user, PKCE challenge and nonce. Its family id becomes the token family, so a
 * replay can revoke everything issued from it.
 */
export async function issueCode(services: Services, grant: CodeGrant): Promise<string> {
  const code = randomToken(32);
  const now = services.clock.now();
  await services.codes.save({
    id: sha256(code),
    clientId: grant.client.id,
    userId: grant.user.id,
    redirectUri: grant.redirectUri,
    scopes: grant.scopes,
    codeChallenge: grant.codeChallenge,
    nonce: grant.nonce ?? null,
    authTime: grant.session.authTime,
    familyId: timeOrderedId(now),
    consumedAt: null,
    createdAt: now,
    expiresAt: now + services.config.ttl.authCode * 1000,
  });
  return code;
}
