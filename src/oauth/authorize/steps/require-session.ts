import type { SignedIn } from '../../../sessions/login-session.js';
import { LoginRequired } from '../../errors.js';
import type { PromptRequest } from './check-prompt.js';

export type SessionCheck = { kind: 'signed-in'; signedIn: SignedIn } | { kind: 'login' };

/**
 * OIDC Core §3.1.2.3: the user must sign in when there is no session, when the client asks
 * for `prompt=login` (or `select_account`), or when the last sign-in is older than
 * `max_age` (`max_age=0`: sign in now). With `prompt=none` that is `login_required`
 * (§3.1.2.6) instead of the sign-in page.
 */
export function requireSession(signedIn: SignedIn | undefined, { prompts, maxAge }: PromptRequest, now: number): SessionCheck {
  const tooOld =
    signedIn !== undefined && maxAge !== undefined && (maxAge === 0 || Math.floor((now - signedIn.session.authTime) / 1000) > maxAge);
  const mustSignIn = signedIn === undefined || tooOld || prompts.has('login') || prompts.has('select_account');
  if (!mustSignIn) return { kind: 'signed-in', signedIn };
  if (prompts.has('none')) throw new LoginRequired();
  return { kind: 'login' };
}
