import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { handleAfterReading } from '../../src/handle-after-reading.js';

async function appCountingArrivals() {
  const app = Fastify();
  let arrived = 0;
  const arrivedWhenHandled: number[] = [];
  app.addHook('onRequest', (_request, _reply, done) => {
    arrived++;
    done();
  });
  handleAfterReading(app);
  app.get('/', async () => {
    arrivedWhenHandled.push(arrived);
    return { arrived };
  });
  await app.ready();
  return { app, arrivedWhenHandled };
}

test('the requests taken in by one turn are all read before the first of them is handled', async () => {
  const { app, arrivedWhenHandled } = await appCountingArrivals();
  const responses = await Promise.all(Array.from({ length: 4 }, () => app.inject('/')));
  assert.deepEqual(responses.map((r) => r.statusCode), [200, 200, 200, 200]);
  assert.deepEqual(arrivedWhenHandled, [4, 4, 4, 4]);
  await app.close();
});

test('a request arriving in a later turn is handled in that turn', async () => {
  const { app, arrivedWhenHandled } = await appCountingArrivals();
  assert.equal((await app.inject('/')).json().arrived, 1);
  assert.equal((await app.inject('/')).json().arrived, 2);
  assert.deepEqual(arrivedWhenHandled, [1, 2]);
  await app.close();
});
