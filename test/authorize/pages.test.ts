import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { Browser, authorizeUrl, codeClient, signedInBrowser, type TestClient } from './browser.js';

/** SECURITY "Login and consent pages": CSP, no framing, no referrer, nosniff, no third-party resources. */
eachBackend('pages: security headers and resources', (ctx) => {
  let client: TestClient;
  let pages: Record<string, Awaited<ReturnType<Browser['get']>>>;
  before(async () => {
    client = await codeClient(ctx.h);
    const anonymous = new Browser(ctx.h.app);
    const signedIn = await signedInBrowser(ctx.h);
    pages = {
      login: await anonymous.get(`/oauth/login?${new URLSearchParams(client.params())}`),
      consent: await signedIn.get(authorizeUrl(client.params())),
      account: await signedIn.get('/oauth/account'),
      logout: await signedIn.get('/oauth/logout'),
      signedOut: await anonymous.get('/oauth/logout'),
      error: await anonymous.get(authorizeUrl(client.params({ client_id: '4242' }))),
      csrf: await anonymous.post('/oauth/login', { username: 'x', password: 'y' }),
    };
  });

  test('every page sends the security headers', () => {
    for (const [name, page] of Object.entries(pages)) {
      const csp = String(page.headers['content-security-policy']);
      assert.match(csp, /frame-ancestors 'none'/, name);
      assert.match(csp, /default-src 'none'/, name);
      assert.match(csp, /style-src 'self'/, name);
      assert.match(csp, /base-uri 'none'/, name);
      assert.doesNotMatch(csp, /script-src|unsafe-inline|unsafe-eval/, name);
      assert.equal(page.headers['x-frame-options'], 'DENY', name);
      assert.equal(page.headers['referrer-policy'], 'no-referrer', name);
      assert.equal(page.headers['x-content-type-options'], 'nosniff', name);
      assert.equal(page.headers['cache-control'], 'no-store', name);
      assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8/, name);
    }
    assert.equal(pages.csrf.statusCode, 403);
    assert.equal(pages.error.statusCode, 400);
  });

  test('pages load nothing from elsewhere: no script, one same-origin stylesheet, no inline style', () => {
    for (const [name, page] of Object.entries(pages)) {
      assert.doesNotMatch(page.body, /<script/i, name);
      assert.doesNotMatch(page.body, /style=/i, name);
      assert.doesNotMatch(page.body, /<(?:link|img|iframe|object|embed)[^>]+(?:src|href)="(?:https?:)?\/\//i, name);
      assert.match(page.body, /<link rel="stylesheet" href="\/oauth\/assets\/gatehouse\.css\?v=[A-Za-z0-9_-]{12}">/, name);
      assert.match(page.body, /<html lang="en">/, name);
      assert.match(page.body, /<meta name="viewport" content="width=device-width, initial-scale=1">/, name);
    }
  });

  test('every input has a label, every form a CSRF token', () => {
    for (const [name, page] of Object.entries(pages)) {
      for (const input of page.body.matchAll(/<input[^>]*>/g)) {
        if (/type="hidden"/.test(input[0])) continue;
        const id = /id="([^"]+)"/.exec(input[0])?.[1];
        assert.ok(id && page.body.includes(`<label for="${id}">`), `${name}: ${input[0]}`);
      }
      for (const form of page.body.matchAll(/<form[\s\S]*?<\/form>/g)) {
        assert.match(form[0], /name="csrf_token" value="[A-Za-z0-9_-]{43}"/, name);
      }
    }
  });

  test('user data is escaped', async () => {
    const page = await new Browser(ctx.h.app).get(`/oauth/login?${new URLSearchParams(client.params({ login_hint: '"><script>alert(1)</script>', state: '<b>' }))}`);
    assert.doesNotMatch(page.body, /<script>/);
    assert.match(page.body, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(page.body, /name="state" value="&lt;b&gt;"/);
  });

  test('the stylesheet is served from this origin, cacheable', async () => {
    const href = /href="(\/oauth\/assets\/gatehouse\.css\?v=[^"]+)"/.exec(pages.login.body)![1];
    const css = await ctx.h.app.inject({ url: href });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.match(String(css.headers['cache-control']), /immutable/);
    assert.match(css.body, /--gh-accent: #2f5bea/);
    assert.doesNotMatch(css.body, /@import|url\((?!data:)/);
  });
});
