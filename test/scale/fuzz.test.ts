import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { eachBackend } from '../helpers/each-backend.js';
import { prng, randomRequest } from './fuzz-requests.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 100_000);

eachBackend('fuzzing every surface with malformed requests', (ctx) => {
  let adminToken: string;
  before(async () => {
    const client = await ctx.h.createClient(['password']);
    adminToken = (await ctx.h.passwordToken(client)).access_token;
  });

  test(`${REQUESTS} random requests: no 5xx, no crash, memory steady (seed ${SEED})`, async () => {
    const random = prng(SEED);
    const failures: string[] = [];
    let heapAfterWarmup = 0;
    for (let i = 0; i < REQUESTS; i++) {
      if (i === Math.floor(REQUESTS / 5)) {
        gc();
        heapAfterWarmup = process.memoryUsage().heapUsed;
      }
      const request = randomRequest(random, adminToken);
      const res = await ctx.h.app.inject(request);
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${request.method} ${request.url.slice(0, 80)} → ${res.body.slice(0, 200)}`);
      if (/at .*\.(ts|js):\d+|SQLITE_|syntax error at|select .* from/i.test(res.body)) failures.push(`internals leaked by ${request.method} ${request.url}: ${res.body.slice(0, 200)}`);
    }
    assert.deepEqual(failures.slice(0, 10), [], `seed ${SEED}`);
    gc();
    const growth = (process.memoryUsage().heapUsed - heapAfterWarmup) / 1024 / 1024;
    assert.ok(growth < 40, `heap grew by ${growth.toFixed(1)} MiB (seed ${SEED})`);
    assert.equal((await ctx.h.app.inject({ url: '/readyz' })).statusCode, 200);
  });
});
