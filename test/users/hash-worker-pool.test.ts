import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Algorithm } from '@node-rs/argon2';
import { createHashWorkerPool } from '../../src/users/hash-worker-pool.js';

// Small argon2id parameters: the pool's bookkeeping is under test, not the hash's cost.
const CHEAP = { algorithm: Algorithm.Argon2id, memoryCost: 256, timeCost: 1, parallelism: 1 };

test('every job gets its own answer while each worker holds more than one', async () => {
  const pool = createHashWorkerPool(2, 100);
  const hashes = await Promise.all(['a', 'b', 'c'].map((password) => pool.run<string>({ op: 'argon2-hash', password, options: CHEAP })));
  const jobs = Array.from({ length: 24 }, (_, i) => ({ hash: hashes[i % 3]!, password: ['a', 'b', 'c', 'x'][i % 4]!, expected: i % 4 === i % 3 }));
  const answers = await Promise.all(jobs.map(({ hash, password }) => pool.run<boolean>({ op: 'argon2-verify', hash, password })));
  assert.deepEqual(answers, jobs.map((job) => job.expected));
  assert.ok(answers.includes(true) && answers.includes(false));
});

test('a failing job fails alone; the jobs around it are answered', async () => {
  const pool = createHashWorkerPool(1, 100);
  const hash = await pool.run<string>({ op: 'argon2-hash', password: 'p', options: CHEAP });
  const results = await Promise.allSettled([
    pool.run<boolean>({ op: 'argon2-verify', hash, password: 'p' }),
    pool.run<boolean>({ op: 'argon2-verify', hash: 'not a hash', password: 'p' }),
    pool.run<boolean>({ op: 'argon2-verify', hash, password: 'q' }),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : 'error')), [true, 'error', false]);
});

test('a saturated pool, whose answers are handed over in batches, answers every job with its own answer', async () => {
  const pool = createHashWorkerPool(1, 100);
  const hash = await pool.run<string>({ op: 'argon2-hash', password: 'p', options: CHEAP });
  // One worker holding two jobs and ten more queued: the answers are batched.
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => pool.run<boolean>({ op: 'argon2-verify', hash, password: i % 2 ? 'p' : 'q' })));
  assert.deepEqual(answers, Array.from({ length: 12 }, (_, i) => i % 2 === 1));
});
