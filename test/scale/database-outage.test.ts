import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import { bootstrap } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createServices, type Services } from '../../src/services.js';
import { openStore } from '../../src/storage/database.js';
import { backends } from '../helpers/backends.js';
import { createPostgresSchema, type PostgresSchema } from '../helpers/postgres-schema.js';
import { ADMIN_PASSWORD, basic, bearer } from '../helpers/harness.js';
import { startProxy } from './tcp-proxy.js';

const url = process.env.TEST_DATABASE_URL;
const onPostgres = backends().some((b) => b.name === 'postgres');

describe('PostgreSQL unreachable, then back (no restart)', { skip: !onPostgres && 'TEST_DATABASE_URL is not set' }, () => {
  let schema: PostgresSchema;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let services: Services;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let client: { id: number; secret: string };

  before(async () => {
    schema = await createPostgresSchema(url!, 'outage');
    const target = new URL(url!);
    proxy = await startProxy(Number(target.port || 5432), target.hostname);
    const viaProxy = new URL(url!);
    viaProxy.port = String(proxy.port);
    const config = loadConfig({ GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'), GATEHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'silent' });
    services = createServices(config, openStore(config.databaseUrl, { searchPath: schema.name, poolSize: 4 }));
    await bootstrap(services);
    app = await buildApp(services);
    const created = await services.clientService.create({ name: 'outage', grantTypes: ['password'], confidential: true }, { actor: null });
    client = { id: created.client.id, secret: created.secret! };
  });
  after(async () => {
    await app?.close();
    await services?.close();
    proxy?.close();
    await schema?.drop();
  });

  const token = () => app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(client.id, client.secret) },
    payload: new URLSearchParams({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD }).toString(),
  });

  test('readyz, the token endpoint and the API answer 503 with clear JSON, then recover', async () => {
    const before = await token();
    assert.equal(before.statusCode, 200);
    const accessToken = before.json().access_token;

    await proxy.cut();
    const ready = await app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.json().status, 'unavailable');
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'the process is still up');

    const down = await token();
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().error, 'temporarily_unavailable');
    assert.equal(down.headers['retry-after'], '5');
    assert.doesNotMatch(down.body, /ECONN|pg|sql|at /i);

    const api = await app.inject({ url: '/api/1.0/me', headers: bearer(accessToken) });
    assert.equal(api.statusCode, 503);
    assert.match(api.json().message, /temporarily unavailable/);

    await proxy.restore();
    let recovered = 0;
    for (let i = 0; i < 20 && recovered !== 200; i++) {
      recovered = (await app.inject({ url: '/readyz' })).statusCode;
      if (recovered !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(recovered, 200);
    assert.equal((await token()).statusCode, 200);
    assert.equal((await app.inject({ url: '/api/1.0/me', headers: bearer(accessToken) })).statusCode, 200);
  });
});
