import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Client } from '../../clients/client.js';
import { readIdTokenHint } from '../oidc/id-token-hint.js';
import { withResponseParameters } from '../authorize/redirect-uri-match.js';
import { auditContext } from '../request-context.js';
import { readLogoutParameters } from './logout-parameters.js';
import { logoutConfirmPage, signedOutPage } from './logout-page.js';
import { PageError } from './page-error.js';
import { sendPage, type PagesContext } from './pages-context.js';

interface LogoutRequest {
  client?: Client;
  /** Where to send the browser afterwards, with `state`; undefined: the signed-out page. */
  target?: string;
  hintSub?: string;
  carried: Record<string, string>;
}

const badLogout = (why: string) => new PageError(400, 'Cannot sign out this way', why);

/**
 * OIDC RP-Initiated Logout §2–§3: the client is named by `client_id` or the `id_token_hint`;
 * `post_logout_redirect_uri` must be one the client registered, exactly, or the user sees
 * an error page rather than a redirect.
 */
async function readLogoutRequest(ctx: PagesContext, source: unknown): Promise<LogoutRequest> {
  const carried = readLogoutParameters(source);
  const hint = carried.id_token_hint === undefined ? undefined : await readIdTokenHint(ctx.services, carried.id_token_hint);
  if (carried.id_token_hint !== undefined && !hint) throw badLogout('The id_token_hint was not issued by this server.');
  if (hint && carried.client_id !== undefined && hint.clientId !== carried.client_id) throw badLogout('The id_token_hint belongs to another client.');
  const clientId = carried.client_id ?? hint?.clientId;
  const client = clientId !== undefined && /^[1-9]\d{0,9}$/.test(clientId) ? await ctx.services.clients.findById(Number(clientId)) : undefined;
  if (clientId !== undefined && (!client || client.revoked)) throw badLogout('The application that sent you here is not registered.');
  const uri = carried.post_logout_redirect_uri;
  if (uri !== undefined && (!client || !client.postLogoutRedirectUris.includes(uri))) {
    throw badLogout('The application asked to return you to an address it has not registered.');
  }
  const target = uri && withResponseParameters(uri, { state: carried.state });
  return { client, target, hintSub: hint?.sub, carried };
}

/** `GET|POST /oauth/logout` (end_session_endpoint): ends the session on the server. */
export function registerLogoutRoutes(app: FastifyInstance, ctx: PagesContext): void {
  const { services } = ctx;

  async function finish(request: FastifyRequest, reply: FastifyReply, logout: LogoutRequest, status: 302 | 303) {
    const ended = await ctx.sessions.end(request, reply);
    if (ended) {
      const actor = { type: 'user' as const, id: String(ended.user.id), name: ended.user.username };
      await services.audit.record({ ...auditContext(request, actor), event: 'user.logged_out', target: { type: 'user', id: actor.id, name: actor.name }, details: logout.client ? { client_id: logout.client.id } : {} });
    }
    if (logout.target) return reply.header('Cache-Control', 'no-store').redirect(logout.target, status);
    return status === 303 ? reply.redirect('/oauth/logout', 303) : sendPage(reply, signedOutPage(ctx.stylesheet));
  }

  app.get('/oauth/logout', async (request, reply) => {
    const logout = await readLogoutRequest(ctx, request.query);
    const signedIn = await ctx.sessions.current(request);
    // No session, or the client proved it is this user's (§2: the hint): no need to ask.
    if (!signedIn || (logout.hintSub !== undefined && logout.hintSub === String(signedIn.user.id))) {
      return finish(request, reply, logout, 302);
    }
    const page = logoutConfirmPage({ stylesheet: ctx.stylesheet, csrfToken: signedIn.session.csrfToken, carried: logout.carried, username: signedIn.user.username, clientName: logout.client?.name });
    return sendPage(reply, page, { formTargets: logout.target ? [logout.target] : [] });
  });

  app.post('/oauth/logout', async (request, reply) => {
    const signedIn = await ctx.sessions.current(request);
    if (signedIn) ctx.csrf.check(request, signedIn);
    const logout = await readLogoutRequest(ctx, request.body);
    return finish(request, reply, logout, 303);
  });
}
