import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../helpers/backends.js';
import { createPostgresSchema, type PostgresSchema } from '../helpers/postgres-schema.js';
import { cliEnvironment, ensureBuilt, runCli } from './run-cli.js';

const url = process.env.TEST_DATABASE_URL;
const onPostgres = backends().some((b) => b.name === 'postgres');

describe('gatehouse CLI on PostgreSQL (real binary)', { skip: !onPostgres && 'TEST_DATABASE_URL is not set' }, () => {
  let schema: PostgresSchema;
  let context: ReturnType<typeof cliEnvironment>;
  before(async () => {
    await ensureBuilt();
    schema = await createPostgresSchema(url!, 'cli');
    context = cliEnvironment(schema.url);
  });
  after(() => schema?.drop());

  test('migrates, seeds and creates client 3 exactly as on SQLite', async () => {
    const created = await runCli(['client', 'create', '--name', 'Password Grant', '--grant', 'password', '--json'], context);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).id, 3);
    const list = JSON.parse((await runCli(['client', 'list', '--json'], context)).stdout);
    assert.deepEqual(list.map((c: { name: string }) => c.name), ['Gatehouse Console', 'Personal Access Client', 'Password Grant']);
    const migrate = await runCli(['migrate'], context);
    assert.match(migrate.stdout, /up to date/);
  });
});
