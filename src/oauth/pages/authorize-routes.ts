import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, type AuthorizeOutcome } from '../authorize/authorize-flow.js';
import { readAuthorizeInput } from '../authorize/authorize-parameters.js';
import { auditContext } from '../request-context.js';
import { consentPage } from './consent-page.js';
import { displayHost, sendPage, type PagesContext } from './pages-context.js';

/**
 * Answers an authorization outcome: a redirect (to the client or to the sign-in page;
 * 303 after a POST so the browser follows with GET), or the consent page.
 */
export function sendOutcome(ctx: PagesContext, reply: FastifyReply, outcome: AuthorizeOutcome, method: string) {
  if (outcome.kind === 'redirect') {
    return reply.headers({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).redirect(outcome.location, method === 'GET' ? 302 : 303);
  }
  const page = consentPage({
    stylesheet: ctx.stylesheet,
    csrfToken: outcome.signedIn.session.csrfToken,
    carried: { ...outcome.input.params },
    clientName: outcome.client.name,
    returnHost: displayHost(outcome.redirectUri),
    scopes: outcome.scopes,
    username: outcome.signedIn.user.username,
  });
  return sendPage(reply, page, { formTargets: [outcome.redirectUri] });
}

/** `GET|POST /oauth/authorize` (RFC 6749 §3.1: GET required, POST allowed; OIDC Core §3.1.2.1). */
export function registerAuthorizeRoutes(app: FastifyInstance, ctx: PagesContext): void {
  const handle = async (request: FastifyRequest, reply: FastifyReply, source: unknown) => {
    const input = readAuthorizeInput(source);
    const signedIn = await ctx.sessions.current(request);
    const actor = signedIn && { type: 'user' as const, id: String(signedIn.user.id), name: signedIn.user.username };
    const outcome = await authorize(ctx.services, { input, signedIn, audit: auditContext(request, actor ?? null) });
    return sendOutcome(ctx, reply, outcome, request.method);
  };
  app.get('/oauth/authorize', (request, reply) => handle(request, reply, request.query));
  app.post('/oauth/authorize', (request, reply) => handle(request, reply, request.body));
}
