import assert from 'node:assert/strict';
import { test } from 'node:test';
import { turnBatch } from '../../src/storage/turn-batch.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A fetch that records each batch of keys and answers every key but `missing`. */
function recordingFetch() {
  const batches: string[][] = [];
  const fetch = async (keys: string[]) => {
    batches.push(keys);
    return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, `value of ${key}`]));
  };
  return { batches, fetch };
}

test('lookups of one turn share one fetch of their distinct keys; each caller gets its own answer', async () => {
  const { batches, fetch } = recordingFetch();
  const lookup = turnBatch(fetch);
  const answers = await Promise.all([lookup('a'), lookup('b'), lookup('a'), lookup('missing')]);
  assert.deepEqual(answers, ['value of a', 'value of b', 'value of a', undefined]);
  assert.deepEqual(batches, [['a', 'b', 'missing']]);
  assert.equal(await lookup('c'), 'value of c');
  assert.deepEqual(batches.at(-1), ['c'], 'a later turn fetches again');
});

test('a batch that fills up is fetched at once, and fetched only once', async () => {
  const { batches, fetch } = recordingFetch();
  const lookup = turnBatch(fetch, 2);
  const answers = await Promise.all(['a', 'b', 'c'].map((key) => lookup(key)));
  await turn();
  assert.deepEqual(answers, ['value of a', 'value of b', 'value of c']);
  assert.deepEqual(batches, [['a', 'b'], ['c']]);
});

test("a failed fetch fails its own batch's callers only", async () => {
  let fail = true;
  const lookup = turnBatch(async (keys: string[]) => {
    if (fail) throw new Error('connection lost');
    return new Map(keys.map((key) => [key, key]));
  });
  const failed = await Promise.allSettled([lookup('a'), lookup('b')]);
  assert.deepEqual(failed.map((result) => result.status), ['rejected', 'rejected']);
  fail = false;
  assert.equal(await lookup('a'), 'a');
});
