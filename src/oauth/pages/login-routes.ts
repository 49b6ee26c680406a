import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseScope } from '../../tokens/scopes.js';
import { authorizeQuery, readAuthorizeInput, type AuthorizeInput } from '../authorize/authorize-parameters.js';
import { checkRedirectUri } from '../authorize/steps/check-redirect-uri.js';
import { loadClient } from '../authorize/steps/load-client.js';
import { auditContext } from '../request-context.js';
import { throttledLogin } from '../throttled-login.js';
import { loginPage } from './login-page.js';
import { displayHost, sendPage, type PagesContext } from './pages-context.js';

const MESSAGES: Record<string, string> = {
  credentials: 'The username, email or password is not correct.',
  missing: 'Enter your username or email and your password.',
};

/**
 * Where the browser goes after signing in: back to the authorization request, minus what
 * the sign-in just satisfied (`prompt=login`, `select_account`, `max_age=0`), or to the
 * account page when there is no request.
 */
function afterLogin(input: AuthorizeInput): string {
  if (input.params.client_id === undefined) return '/oauth/account';
  const next: Record<string, string> = { ...input.params };
  const prompts = parseScope(next.prompt).filter((p) => p !== 'login' && p !== 'select_account');
  if (prompts.length > 0) next.prompt = prompts.join(' ');
  else delete next.prompt;
  if (next.max_age === '0') delete next.max_age;
  return `/oauth/authorize?${authorizeQuery(next)}`;
}

function loginQuery(input: AuthorizeInput, extra: Record<string, string>): string {
  return `/oauth/login?${authorizeQuery({ ...input.params, ...extra })}`;
}

/**
 * `/oauth/login`: the sign-in form (GET) and its submission (POST: CSRF token, throttling per
 * username + IP as in the password grant, one message for every failure, a new session id,
 * then 303).
 */
export function registerLoginRoutes(app: FastifyInstance, ctx: PagesContext): void {
  const { services } = ctx;

  async function render(request: FastifyRequest, reply: FastifyReply, input: AuthorizeInput, view: { error?: string; username?: string; status?: number }) {
    const client = input.params.client_id === undefined ? undefined : await loadClient(services, input);
    const redirectUri = client && checkRedirectUri(client, input);
    const page = loginPage({
      stylesheet: ctx.stylesheet,
      csrfToken: ctx.csrf.forLogin(request, reply),
      carried: { ...input.params },
      clientName: client?.name,
      returnHost: redirectUri && displayHost(redirectUri),
      username: view.username,
      error: view.error,
    });
    // The sign-in may end in a redirect to the client: CSP form-action must allow it.
    return sendPage(reply, page, { status: view.status, formTargets: redirectUri ? [redirectUri] : [] });
  }

  app.get('/oauth/login', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const input = readAuthorizeInput(query);
    if (input.params.client_id === undefined && (await ctx.sessions.current(request))) return reply.redirect('/oauth/account', 303);
    const error = typeof query.failed === 'string' ? MESSAGES[query.failed] : undefined;
    return render(request, reply, input, { error, username: input.params.login_hint });
  });

  app.post('/oauth/login', async (request, reply) => {
    ctx.csrf.check(request, undefined);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input = readAuthorizeInput(body);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (username === '' || password === '' || username.length > 255 || password.length > 1024 || username.includes('\u0000')) {
      return reply.redirect(loginQuery(input, { failed: 'missing', ...(username && username.length <= 255 && !username.includes('\u0000') ? { login_hint: username } : {}) }), 303);
    }
    const result = await throttledLogin(services, request, username, password, {
      via: 'login_page',
      ...(input.params.client_id ? { client_id: input.params.client_id.slice(0, 16) } : {}),
    });
    if (result.outcome === 'locked') {
      const minutes = Math.ceil(result.retryAfter / 60);
      reply.header('Retry-After', String(result.retryAfter));
      const error = `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
      return render(request, reply, input, { error, username, status: 429 });
    }
    if (result.outcome === 'failed') return reply.redirect(loginQuery(input, { failed: 'credentials', login_hint: username }), 303);
    const { user } = await ctx.sessions.start(request, reply, result.user);
    await services.audit.record({
      ...auditContext(request, { type: 'user', id: String(user.id), name: user.username }),
      event: 'user.logged_in',
      target: { type: 'user', id: String(user.id), name: user.username },
      details: { via: 'login_page' },
    });
    return reply.redirect(afterLogin(input), 303);
  });
}
