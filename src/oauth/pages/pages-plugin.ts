import cookie from '@fastify/cookie';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { OAuthError } from '../errors.js';
import { acceptFormBodies } from '../form-body.js';
import { isClientError } from '../protocol-plugin.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerAuthorizeRoutes } from './authorize-routes.js';
import { cookieNames } from './browser-cookies.js';
import { createBrowserSessions } from './browser-session.js';
import { registerConsentRoutes } from './consent-routes.js';
import { createCsrf } from './csrf.js';
import { errorPage } from './error-page.js';
import { registerLoginRoutes } from './login-routes.js';
import { registerLogoutRoutes } from './logout-routes.js';
import { PageError } from './page-error.js';
import { sendPage, type PagesContext } from './pages-context.js';
import { pageSecurityHeaders } from './security-headers.js';
import { loadStylesheet, registerStylesheet } from './stylesheet.js';

/**
 * The browser side of the protocol surface: /oauth/authorize, the login, consent, account
 * and logout pages (DESIGN §4). Its own encapsulated plugin, with form bodies, cookies and an
 * error handler that answers with an HTML page; errors the client should see go back to
 * it as redirects from the authorize flow itself.
 */
export async function pagesPlugin(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  acceptFormBodies(app, 64 * 1024);
  await app.register(cookie);
  const names = cookieNames(services.config.issuer);
  const stylesheet = loadStylesheet();
  const ctx: PagesContext = {
    services,
    sessions: createBrowserSessions(services, names),
    csrf: createCsrf(services.config.masterKey, services.config.issuer, names),
    stylesheet: stylesheet.href,
  };

  // Every answer of this surface, redirects included, gets the page headers it lacks.
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(pageSecurityHeaders())) if (!reply.hasHeader(name)) reply.header(name, value);
  });
  app.setErrorHandler((error: Error, request, reply) => {
    if (error instanceof PageError) {
      return sendPage(reply.headers(error.headers), errorPage(ctx.stylesheet, error.title, error.explanation), { status: error.statusCode });
    }
    if (error instanceof OAuthError || isClientError(error)) {
      const status = (error as FastifyError).statusCode === 413 ? 413 : 400;
      return sendPage(reply, errorPage(ctx.stylesheet, 'Invalid request', 'Gatehouse could not read this request.'), { status });
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendPage(reply, errorPage(ctx.stylesheet, 'Something went wrong', 'Gatehouse could not complete this request. Please try again.'), { status: 500 });
  });

  registerStylesheet(app, stylesheet);
  registerAuthorizeRoutes(app, ctx);
  registerLoginRoutes(app, ctx);
  registerConsentRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerLogoutRoutes(app, ctx);
}
