import type { Services } from '../services.js';
import { refreshTokenId } from '../tokens/refresh-token-format.js';
import type { AccessTokenRecord, RefreshTokenRecord } from '../tokens/token-records.js';
import type { User } from '../users/user.js';

/** An access token comes with its user (undefined for a client's own token or a deleted user). */
export type FoundToken = { kind: 'access'; record: AccessTokenRecord; user?: User } | { kind: 'refresh'; record: RefreshTokenRecord };

/**
 * Finds a presented token of either kind. The hint only orders the look-ups: a wrong
 * `token_type_hint` still finds the token (RFC 7009 §2.1, RFC 7662 §2.1).
 */
export async function findPresentedToken(services: Services, token: string, hint: string | undefined): Promise<FoundToken | undefined> {
  if (token.length > 4096) return undefined;
  const asRefresh = async (): Promise<FoundToken | undefined> => {
    const record = await services.tokens.findRefreshToken(refreshTokenId(token));
    return record && { kind: 'refresh', record };
  };
  const asAccess = async (): Promise<FoundToken | undefined> => {
    const subject = await services.verifier.identify(token);
    return subject && { kind: 'access', record: subject.token, user: subject.user };
  };
  return hint === 'refresh_token' ? ((await asRefresh()) ?? asAccess()) : ((await asAccess()) ?? asRefresh());
}
