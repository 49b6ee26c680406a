import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomToken, timeOrderedId } from '../../src/crypto/random.js';

test('randomToken gives base64url strings of the requested entropy, never the same twice, across pool refills', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const token = randomToken(32); // 2000 × 32 bytes: the 4 KiB pool refills many times
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!/^A+$/.test(token), 'a wiped (zero) part of the pool was handed out');
    seen.add(token);
  }
  assert.equal(seen.size, 2000);
  assert.match(randomToken(16), /^[A-Za-z0-9_-]{22}$/);
  assert.equal(Buffer.from(randomToken(8192), 'base64url').length, 8192, 'larger than the pool');
});

test('timeOrderedId sorts by creation time and stays unique within one millisecond', () => {
  const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => timeOrderedId(t));
  assert.deepEqual([...ids].sort(), ids);
  assert.match(ids[0], /^[0-9a-f]{12}[A-Za-z0-9_-]{16}$/);
  const sameMillisecond = new Set(Array.from({ length: 1000 }, () => timeOrderedId(1_700_000_000_000)));
  assert.equal(sameMillisecond.size, 1000);
});
