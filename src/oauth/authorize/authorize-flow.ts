import type { AuditContext } from '../../audit/audit-log.js';
import type { Client } from '../../clients/client.js';
import type { Services } from '../../services.js';
import type { SignedIn } from '../../sessions/login-session.js';
import { AccessDenied, OAuthError } from '../errors.js';
import { authorizeQuery, checkWellFormed, type AuthorizeInput } from './authorize-parameters.js';
import { withResponseParameters } from './redirect-uri-match.js';
import { checkPkce } from './steps/check-pkce.js';
import { checkPrompt } from './steps/check-prompt.js';
import { checkRedirectUri } from './steps/check-redirect-uri.js';
import { checkRequestObject } from './steps/check-request-object.js';
import { checkResponseType } from './steps/check-response-type.js';
import { checkScope } from './steps/check-scope.js';
import { issueCode } from './steps/issue-code.js';
import { loadClient } from './steps/load-client.js';
import { requireConsent } from './steps/require-consent.js';
import { requireSession } from './steps/require-session.js';

export type AuthorizeOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'consent'; client: Client; signedIn: SignedIn; scopes: string[]; redirectUri: string; input: AuthorizeInput };

export interface AuthorizeCall {
  input: AuthorizeInput;
  signedIn: SignedIn | undefined;
  audit: AuditContext;
  /** The user's answer on the consent page for exactly this request. */
  decision?: 'allow' | 'deny';
}

/**
 * The authorization endpoint (RFC 6749 §4.1.1, OIDC Core §3.1.2) as ordered steps. Until the
 * client and its redirect URI are known good, errors are pages (PageError); after that
 * they go back to the client with `error`, `state` and `iss` (RFC 6749 §4.1.2.1, RFC 9207).
 */
export async function authorize(services: Services, call: AuthorizeCall): Promise<AuthorizeOutcome> {
  const { input } = call;
  const { params } = input;
  const issuer = services.config.issuer;
  const client = await loadClient(services, input);
  const redirectUri = checkRedirectUri(client, input);
  const state = params.state;
  try {
    checkWellFormed(input);
    checkResponseType(client, params);
    checkRequestObject(params);
    const codeChallenge = checkPkce(client, params);
    const scopes = checkScope(params);
    const prompt = checkPrompt(params);
    const session = requireSession(call.signedIn, prompt, services.clock.now());
    if (session.kind === 'login') return { kind: 'redirect', location: `${issuer}/oauth/login?${authorizeQuery(params)}` };
    const { signedIn } = session;
    // RFC 6749 §4.1.2.1 access_denied: the user said no.
    if (call.decision === 'deny') throw new AccessDenied('The user denied the request.');
    const approved = call.decision === 'allow';
    if (await requireConsent(services, { client, user: signedIn.user, scopes, prompt, approved })) {
      return { kind: 'consent', client, signedIn, scopes, redirectUri, input };
    }
    if (approved) {
      await services.audit.record({ ...call.audit, event: 'oauth.consent_granted', target: { type: 'auth_client', id: String(client.id), name: client.name }, details: { scopes } });
    }
    const code = await issueCode(services, { client, user: signedIn.user, session: signedIn.session, redirectUri, scopes, codeChallenge, nonce: params.nonce });
    return { kind: 'redirect', location: withResponseParameters(redirectUri, { code, state, iss: issuer }) };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return {
      kind: 'redirect',
      location: withResponseParameters(redirectUri, { error: error.error, error_description: error.description, state, iss: issuer }),
    };
  }
}
