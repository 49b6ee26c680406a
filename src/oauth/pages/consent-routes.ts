import type { FastifyInstance } from 'fastify';
import { authorize } from '../authorize/authorize-flow.js';
import { readAuthorizeInput } from '../authorize/authorize-parameters.js';
import { auditContext } from '../request-context.js';
import { sendOutcome } from './authorize-routes.js';
import type { PagesContext } from './pages-context.js';

/**
 * `POST /oauth/consent`: the consent page's Allow or Deny. CSRF-checked against the session,
 * then the same authorization steps run again on the carried request, so nothing on the
 * page is trusted; Allow is remembered for the user and client, Deny is `access_denied`.
 */
export function registerConsentRoutes(app: FastifyInstance, ctx: PagesContext): void {
  app.post('/oauth/consent', async (request, reply) => {
    const signedIn = await ctx.sessions.current(request);
    ctx.csrf.check(request, signedIn);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const decision = body.decision === 'allow' ? 'allow' : 'deny';
    const input = readAuthorizeInput(body);
    const actor = signedIn && { type: 'user' as const, id: String(signedIn.user.id), name: signedIn.user.username };
    const outcome = await authorize(ctx.services, { input, signedIn, audit: auditContext(request, actor ?? null), decision });
    return sendOutcome(ctx, reply, outcome, 'POST');
  });
}
