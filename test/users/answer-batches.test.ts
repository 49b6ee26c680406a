import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { createAnswerBatches } from '../../src/users/answer-batches.js';

test('an answer is handed over at once while the pool is not saturated', () => {
  const batches = createAnswerBatches();
  const settled: number[] = [];
  batches.deliver(() => settled.push(1), { saturated: false, limit: 4, windowMs: 1_000 });
  assert.deepEqual(settled, [1]);
});

test('while saturated, answers wait until the batch is full, then go together in order', () => {
  const batches = createAnswerBatches();
  const settled: number[] = [];
  for (const n of [1, 2, 3]) batches.deliver(() => settled.push(n), { saturated: true, limit: 4, windowMs: 1_000 });
  assert.equal(settled.length, 0);
  batches.deliver(() => settled.push(4), { saturated: true, limit: 4, windowMs: 1_000 });
  assert.deepEqual(settled, [1, 2, 3, 4]);
});

test('an answer that arrives once the pool is no longer saturated releases the ones held', () => {
  const batches = createAnswerBatches();
  const settled: number[] = [];
  batches.deliver(() => settled.push(1), { saturated: true, limit: 4, windowMs: 1_000 });
  batches.deliver(() => settled.push(2), { saturated: false, limit: 4, windowMs: 1_000 });
  assert.deepEqual([...settled], [1, 2]);
});

test('a batch that does not fill is handed over when its first answer has waited the window', async () => {
  const batches = createAnswerBatches();
  const settled: number[] = [];
  batches.deliver(() => settled.push(1), { saturated: true, limit: 4, windowMs: 20 });
  await sleep(5);
  batches.deliver(() => settled.push(2), { saturated: true, limit: 4, windowMs: 20 });
  assert.equal(settled.length, 0);
  await sleep(40);
  assert.deepEqual([...settled], [1, 2]);
  // The next batch starts its own window.
  batches.deliver(() => settled.push(3), { saturated: true, limit: 4, windowMs: 20 });
  assert.deepEqual([...settled], [1, 2]);
  await sleep(40);
  assert.deepEqual(settled, [1, 2, 3]);
});
