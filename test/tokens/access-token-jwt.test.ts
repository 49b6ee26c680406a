import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeJwt } from '../../src/tokens/access-token-jwt.js';

test('looksLikeJwt: exactly three dot-separated parts, as a compact JWS has', () => {
  for (const token of ['eyJh.eyJz.c2ln', '..', 'a.b.', '.b.c']) assert.equal(looksLikeJwt(token), true, token);
  for (const token of ['', 'opaque-personal-token', 'a.b', 'a.b.c.d', '...', 'a.b.c.d.e']) assert.equal(looksLikeJwt(token), false, token);
});
