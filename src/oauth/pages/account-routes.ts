import type { FastifyInstance } from 'fastify';
import { auditContext } from '../request-context.js';
import { accountPage, type AuthorizedApp } from './account-page.js';
import { sendPage, type PagesContext } from './pages-context.js';

/**
 * `/oauth/account`: the signed-in user, the applications they allowed, and revoking one
 * (`POST /oauth/account/revoke`: forgets the consent and revokes that client's tokens for
 * the user, so the next sign-in asks again).
 */
export function registerAccountRoutes(app: FastifyInstance, ctx: PagesContext): void {
  const { services } = ctx;

  app.get('/oauth/account', async (request, reply) => {
    const signedIn = await ctx.sessions.current(request);
    if (!signedIn) return reply.redirect('/oauth/login', 303);
    const apps: AuthorizedApp[] = [];
    for (const consent of await services.consents.listForUser(signedIn.user.id)) {
      const client = await services.clients.findById(consent.clientId);
      if (client && !client.revoked) apps.push({ clientId: client.id, clientName: client.name, scopes: consent.scopes });
    }
    const notice = (request.query as Record<string, unknown>).revoked === '1' ? 'Access revoked.' : undefined;
    return sendPage(reply, accountPage({ stylesheet: ctx.stylesheet, csrfToken: signedIn.session.csrfToken, user: signedIn.user, apps, notice }));
  });

  app.post('/oauth/account/revoke', async (request, reply) => {
    const signedIn = await ctx.sessions.current(request);
    ctx.csrf.check(request, signedIn);
    if (!signedIn) return reply.redirect('/oauth/login', 303);
    const raw = (request.body as Record<string, unknown>).client_id;
    const clientId = typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
    if (clientId !== undefined && (await services.consents.revoke(signedIn.user.id, clientId))) {
      await services.tokens.revokeMatching({ userId: signedIn.user.id, clientId });
      await services.audit.record({
        ...auditContext(request, { type: 'user', id: String(signedIn.user.id), name: signedIn.user.username }),
        event: 'oauth.consent_revoked',
        target: { type: 'auth_client', id: String(clientId) },
      });
    }
    return reply.redirect('/oauth/account?revoked=1', 303);
  });
}
