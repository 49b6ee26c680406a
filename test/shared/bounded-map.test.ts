import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedMap } from '../../src/shared/bounded-map.js';

test('a bounded map forgets its oldest entry when full, never on replacing one', () => {
  const map = new BoundedMap<string, number>(2);
  map.set('a', 1).set('b', 2).set('b', 3);
  assert.deepEqual([...map], [['a', 1], ['b', 3]]);
  map.set('c', 4);
  assert.deepEqual([...map], [['b', 3], ['c', 4]]);
  let computed = 0;
  assert.equal(map.getOrSet('c', () => ++computed), 4);
  assert.equal(map.getOrSet('d', () => ++computed), 1);
  assert.equal(computed, 1);
  assert.deepEqual([...map.keys()], ['c', 'd']);
});
