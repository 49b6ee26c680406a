import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cliEnvironment, ensureBuilt, runCli, startServer } from '../cli/run-cli.js';
import { backends } from '../helpers/backends.js';
import { createPostgresSchema, type PostgresSchema } from '../helpers/postgres-schema.js';

const url = process.env.TEST_DATABASE_URL;
const onPostgres = backends().some((b) => b.name === 'postgres');

describe('instances starting together on a fresh PostgreSQL database', { skip: !onPostgres && 'TEST_DATABASE_URL is not set' }, () => {
  let schema: PostgresSchema | undefined;
  after(() => schema?.drop());

  test('all come up; built-in clients keep ids 1 and 2; one administrator; one key per algorithm', async () => {
    await ensureBuilt();
    schema = await createPostgresSchema(url!, 'fresh');
    const context = cliEnvironment(schema.url);
    const servers = await Promise.all([startServer(context), startServer(context), startServer(context)]);
    try {
      const printed = servers.filter((s) => /Created administrator/.test(s.output()));
      assert.equal(printed.length, 1, 'exactly one instance created (and printed) the administrator');
      const created = JSON.parse((await runCli(['client', 'create', '--name', 'Password Grant', '--grant', 'password', '--json'], context)).stdout);
      assert.equal(created.id, 3);
      const clients = JSON.parse((await runCli(['client', 'list', '--json'], context)).stdout);
      assert.deepEqual(clients.map((c: { id: number; name: string }) => [c.id, c.name]), [[1, 'Gatehouse Console'], [2, 'Personal Access Client'], [3, 'Password Grant']]);
      const keys = JSON.parse((await runCli(['keys', 'list', '--json'], context)).stdout);
      assert.deepEqual(keys.map((k: { alg: string }) => k.alg).sort(), ['ES256', 'RS256']);
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
    }
  });
});
