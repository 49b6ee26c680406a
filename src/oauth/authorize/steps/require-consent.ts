import type { Client } from '../../../clients/client.js';
import { consentCovers } from '../../../consents/consent.js';
import type { Services } from '../../../services.js';
import type { User } from '../../../users/user.js';
import { ConsentRequired } from '../../errors.js';
import type { PromptRequest } from './check-prompt.js';

/**
 * Consent (RFC 6749 §4.1.1 "the authorization server … obtains an authorization decision",
 * OIDC Core §3.1.2.4). First-party (trusted) clients skip it; otherwise a remembered consent
 * covering every scope is enough, unless the client asks for `prompt=consent`. With
 * `prompt=none` a needed consent is `consent_required` (§3.1.2.6). Returns whether the
 * consent page must be shown.
 */
export async function requireConsent(
  services: Services,
  request: { client: Client; user: User; scopes: string[]; prompt: PromptRequest; approved: boolean },
): Promise<boolean> {
  const { client, user, scopes, prompt, approved } = request;
  if (approved) {
    await services.consents.grant(user.id, client.id, scopes, services.clock.now());
    return false;
  }
  if (!prompt.prompts.has('consent')) {
    if (client.trusted) return false;
    if (consentCovers(await services.consents.find(user.id, client.id), scopes)) return false;
  }
  if (prompt.prompts.has('none')) throw new ConsentRequired();
  return true;
}
