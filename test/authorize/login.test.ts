import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ADMIN_PASSWORD } from '../helpers/harness.js';
import { Browser, authorizeUrl, codeClient, formFields, location, type TestClient } from './browser.js';

const setCookies = (response: { headers: Record<string, unknown> }) => {
  const header = response.headers['set-cookie'];
  return (header === undefined ? [] : Array.isArray(header) ? header : [header]) as string[];
};

/** SECURITY "Login and consent pages" and "Session cookie". */
eachBackend('login page', (ctx) => {
  let client: TestClient;
  before(async () => {
    client = await codeClient(ctx.h, { trusted: true });
    await ctx.h.createUser('login-user', 'login-user-password');
    await ctx.h.createUser('login-sleeper', 'login-sleeper-password', { status: 'INACTIVE' });
  });

  test('authorize without a session sends the browser to the login page with the request', async () => {
    const browser = new Browser(ctx.h.app);
    const params = client.params();
    const next = location(await browser.get(authorizeUrl(params)));
    assert.equal(next.pathname, '/oauth/login');
    assert.deepEqual(Object.fromEntries(next.searchParams), params);
    const page = await browser.get(next.pathname + next.search);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="username">Username or email<\/label>/);
    assert.match(page.body, /<label for="password">Password<\/label>/);
    assert.match(page.body, /autocomplete="current-password"/);
    const fields = formFields(page.body);
    assert.equal(fields.client_id, String(client.id));
    assert.equal(fields.code_challenge, params.code_challenge);
    assert.match(fields.csrf_token, /^[A-Za-z0-9_-]{43}$/);
  });

  test('POST without a CSRF token, or with a wrong one, is 403 and signs nobody in', async () => {
    const browser = new Browser(ctx.h.app);
    const page = await browser.get('/oauth/login');
    const fields = formFields(page.body);
    for (const token of [undefined, '', 'forged', fields.csrf_token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]) {
      const form: Record<string, string> = { username: 'admin', password: ADMIN_PASSWORD };
      if (token !== undefined) form.csrf_token = token;
      const response = await browser.post('/oauth/login', form);
      assert.equal(response.statusCode, 403, String(token));
      assert.match(response.body, /This form has expired/);
      assert.equal(setCookies(response).some((c) => c.startsWith('gatehouse_session=')), false);
    }
  });

  test("another browser's token does not work (it is bound to this browser's cookie)", async () => {
    const mine = new Browser(ctx.h.app);
    const theirs = new Browser(ctx.h.app);
    await mine.get('/oauth/login');
    const theirToken = formFields((await theirs.get('/oauth/login')).body).csrf_token;
    const response = await mine.post('/oauth/login', { csrf_token: theirToken, username: 'admin', password: ADMIN_PASSWORD });
    assert.equal(response.statusCode, 403);
  });

  test('a successful login answers 303, back to the authorization request', async () => {
    const browser = new Browser(ctx.h.app);
    const next = location(await browser.get(authorizeUrl(client.params({ state: 'st' }))));
    const page = await browser.get(next.pathname + next.search);
    const done = await browser.submit(page, { username: 'login-user', password: 'login-user-password' });
    assert.equal(done.statusCode, 303);
    const back = location(done);
    assert.equal(back.pathname, '/oauth/authorize');
    const code = location(await browser.get(back.pathname + back.search));
    assert.equal(code.searchParams.get('state'), 'st');
    assert.ok(code.searchParams.get('code'));
  });

  test('the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure over http', async () => {
    const browser = new Browser(ctx.h.app);
    const done = await browser.submit(await browser.get('/oauth/login'), { username: 'admin', password: ADMIN_PASSWORD });
    const cookie = setCookies(done).find((c) => c.startsWith('gatehouse_session='));
    assert.ok(cookie);
    assert.match(cookie, /^gatehouse_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /Secure|Domain/i);
    const csrf = setCookies(await new Browser(ctx.h.app).get('/oauth/login')).find((c) => c.startsWith('gatehouse_csrf='));
    assert.match(String(csrf), /; HttpOnly/);
  });

  test('the session id is stored only as its SHA-256, and a login starts a new one', async () => {
    const browser = new Browser(ctx.h.app);
    await browser.submit(await browser.get('/oauth/login'), { username: 'admin', password: ADMIN_PASSWORD });
    const first = browser.cookies.get('gatehouse_session')!;
    const { db } = ctx.h.services.store;
    assert.equal(await db.selectFrom('login_sessions').select('id').where('id', '=', first).executeTakeFirst(), undefined);
    await browser.submit(await browser.get(`/oauth/login?${new URLSearchParams(client.params())}`), { username: 'admin', password: ADMIN_PASSWORD });
    const second = browser.cookies.get('gatehouse_session')!;
    assert.notEqual(second, first);
    // The old id no longer signs anyone in (fixation: a planted id is useless after login).
    const stale = await ctx.h.app.inject({ url: authorizeUrl(client.params({ prompt: 'none' })), headers: { cookie: `gatehouse_session=${first}` } });
    assert.equal(location(stale).searchParams.get('error'), 'login_required');
    const fresh = await ctx.h.app.inject({ url: authorizeUrl(client.params({ prompt: 'none' })), headers: { cookie: `gatehouse_session=${second}` } });
    assert.ok(location(fresh).searchParams.get('code'));
  });

  test('unknown user, wrong password and inactive user get the same message, after a 303', async () => {
    const messages: string[] = [];
    for (const [username, password] of [['login-user', 'wrong-password'], ['nobody-at-all', 'wrong-password'], ['login-sleeper', 'login-sleeper-password']]) {
      const browser = new Browser(ctx.h.app);
      const done = await browser.submit(await browser.get('/oauth/login'), { username, password });
      assert.equal(done.statusCode, 303);
      const next = location(done);
      assert.equal(next.pathname, '/oauth/login');
      assert.equal(browser.cookies.has('gatehouse_session'), false);
      const page = await browser.get(next.pathname + next.search);
      messages.push(/role="alert" id="login-error">([^<]*)</.exec(page.body)?.[1] ?? '');
      assert.match(page.body, new RegExp(`value="${username}"`));
    }
    assert.equal(new Set(messages).size, 1);
    assert.equal(messages[0], 'The username, email or password is not correct.');
  });

  test('an empty field asks for both', async () => {
    const browser = new Browser(ctx.h.app);
    const done = await browser.submit(await browser.get('/oauth/login'), { username: 'admin', password: '' });
    const page = await browser.get(location(done).pathname + location(done).search);
    assert.match(page.body, /Enter your username or email and your password\./);
  });

  test('the email works as the username', async () => {
    const browser = new Browser(ctx.h.app);
    const done = await browser.submit(await browser.get('/oauth/login'), { username: 'login-user@example.test', password: 'login-user-password' });
    assert.equal(done.headers.location, '/oauth/account');
  });

  test('login_hint fills in the username', async () => {
    const page = await new Browser(ctx.h.app).get(`/oauth/login?${new URLSearchParams(client.params({ login_hint: 'login-user' }))}`);
    assert.match(page.body, /name="username"[^>]*value="login-user"/);
  });

  test('the login page names the client and where the user returns', async () => {
    const page = await new Browser(ctx.h.app).get(`/oauth/login?${new URLSearchParams(client.params())}`);
    const name = (await ctx.h.services.clients.findById(client.id))!.name;
    assert.ok(page.body.includes(`<strong>${name}</strong>`));
    assert.match(page.body, /You will return to <strong>app\.example<\/strong>/);
  });

  test('the login page refuses an unknown client rather than sign in for it', async () => {
    const page = await new Browser(ctx.h.app).get(`/oauth/login?${new URLSearchParams(client.params({ redirect_uri: 'https://evil.test/cb' }))}`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Invalid redirect address/);
  });

  test('a login POST never redirects off-site, whatever it carries', async () => {
    const browser = new Browser(ctx.h.app);
    const page = await browser.get('/oauth/login');
    const done = await browser.post('/oauth/login', { ...formFields(page.body), client_id: String(client.id), redirect_uri: 'https://evil.test/cb', username: 'admin', password: ADMIN_PASSWORD });
    assert.match(String(done.headers.location), /^\/oauth\/authorize\?/);
    const next = await browser.get(String(done.headers.location));
    assert.equal(next.statusCode, 400);
  });
});

eachBackend(
  'login page throttling',
  (ctx) => {
    test('failures are throttled per username + IP like the password grant (429 with Retry-After)', async () => {
      await ctx.h.createUser('throttled', 'throttled-password');
      const browser = new Browser(ctx.h.app);
      for (let i = 0; i < 3; i++) {
        const done = await browser.submit(await browser.get('/oauth/login'), { username: 'throttled', password: `wrong-${i}` });
        assert.equal(done.statusCode, 303);
      }
      const locked = await browser.submit(await browser.get('/oauth/login'), { username: 'throttled', password: 'throttled-password' });
      assert.equal(locked.statusCode, 429);
      assert.ok(Number(locked.headers['retry-after']) > 0);
      assert.match(locked.body, /Too many failed sign-in attempts/);
      assert.equal(browser.cookies.has('gatehouse_session'), false);
      // The password grant shares the counter.
      const client = await ctx.h.createClient(['password']);
      const grant = await ctx.h.post('/oauth/token', { grant_type: 'password', client_id: String(client.id), client_secret: client.secret, username: 'throttled', password: 'throttled-password' });
      assert.equal(grant.statusCode, 429);
      const audit = await ctx.h.services.store.db.selectFrom('audit_events').select('event').where('event', '=', 'user.login_failed').execute();
      assert.ok(audit.length >= 3);
    });
  },
  { THROTTLE_MAX_FAILURES: '3' },
);

eachBackend(
  'login page over https',
  (ctx) => {
    test('cookies take the __Host- prefix and Secure', async () => {
      const browser = new Browser(ctx.h.app);
      const page = await browser.get('/oauth/login');
      const csrf = setCookies(page).find((c) => c.startsWith('__Host-gatehouse_csrf='));
      assert.match(String(csrf), /; Path=\/; HttpOnly; Secure; SameSite=Lax/);
      const done = await browser.submit(page, { username: 'admin', password: ADMIN_PASSWORD });
      assert.equal(done.statusCode, 303);
      const session = setCookies(done).find((c) => c.startsWith('__Host-gatehouse_session='));
      assert.ok(session);
      assert.match(session, /; Path=\//);
      assert.match(session, /; HttpOnly/);
      assert.match(session, /; Secure/);
      assert.match(session, /; SameSite=Lax/);
      assert.doesNotMatch(session, /Domain=/i);
      assert.equal(done.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
      const account = await browser.get('/oauth/account');
      assert.equal(account.statusCode, 200);
      assert.equal((await new Browser(ctx.h.app).get('/oauth/account')).statusCode, 303);
    });
  },
  { GATEHOUSE_ISSUER: 'https://id.example.test' },
);
