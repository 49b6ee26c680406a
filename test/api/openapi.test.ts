import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { API_ERROR_CODES } from '../../src/api/api-error.js';
import { defaultFeatures } from '../../src/features.js';
import { eachBackend } from '../helpers/each-backend.js';

const seen: RouteOptions[] = [];
const collector = (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => void seen.push(route));
};

eachBackend('OpenAPI document', (ctx) => {
  let doc: any;
  before(async () => {
    const res = await ctx.h.app.inject({ url: '/api/1.0/openapi.json' });
    assert.equal(res.statusCode, 200);
    doc = res.json();
  });

  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  test('is public OpenAPI 3.1 with bearer security', async () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'Gatehouse REST API');
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer', description: 'An access token (JWT) or a personal access token.' });
  });

  test('documents every API route', async () => {
    const routes = seen.filter((r) => r.method !== 'HEAD' && !r.schema?.hide);
    assert.ok(routes.length >= 25);
    for (const route of [...routes, { method: 'GET', url: '/api/1.0/me' } as RouteOptions]) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const methods = [route.method].flat().map((m) => String(m).toLowerCase());
      for (const method of methods) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} is missing`);
    }
  });

  test('every operation states its permission, security and error answers', async () => {
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.match(op.description, /Requires (any valid access token|the `[a-z_-]+` permission)\./, where);
      assert.deepEqual(op.security, [{ bearerAuth: [] }], where);
      assert.ok(op.summary, where);
      for (const status of ['401', '500']) assert.ok(op.responses[status], `${where} lacks ${status}`);
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      assert.equal(success.length, 1, where);
    }
  });

  test('every error code appears in the document, on the status it is sent with', async () => {
    const documented = new Map<string, Set<string>>();
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        const codes: string[] = response.content?.['application/json']?.schema?.properties?.code?.enum ?? [];
        for (const code of codes) (documented.get(code) ?? documented.set(code, new Set()).get(code)!).add(status);
      }
    }
    for (const [code, status] of Object.entries(API_ERROR_CODES)) {
      assert.ok(documented.has(code), `${code} is not documented on any route`);
      assert.deepEqual([...documented.get(code)!], [String(status)], code);
    }
    assert.deepEqual(doc.components.schemas.ApiError.properties.code.enum, Object.keys(API_ERROR_CODES));
  });

  test('browsable docs at /api/1.0/docs', async () => {
    let res = await ctx.h.app.inject({ url: '/api/1.0/docs' });
    if (res.statusCode === 302) res = await ctx.h.app.inject({ url: String(res.headers.location) });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.body, /swagger/i);
  });
}, {}, { apiRoutes: [collector, ...(defaultFeatures().apiRoutes ?? [])] });
