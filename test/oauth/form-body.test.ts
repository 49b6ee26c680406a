import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseForm } from '../../src/oauth/form-body.js';

const plain = (fields: object) => ({ ...fields });

test('parseForm reads what URLSearchParams reads from well-formed bodies', () => {
  const bodies = [
    'grant_type=client_credentials&scope=read+write',
    'token=eyJ.abc.def&token_type_hint=access_token',
    'redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1%26y%3D2&code=Zm9v',
    'name=J%C3%BCrgen+M%C3%BCller&emoji=%F0%9F%94%91',
    'a=1&&b=2&',
    '&a',
    'flag&empty=&=nameless',
    'a=b=c',
    '',
    'scope=read%20write+admin',
    'plus=%2B&space=%20',
  ];
  for (const body of bodies) {
    const expected = Object.fromEntries(new URLSearchParams(body));
    assert.deepEqual(plain(parseForm(body)), expected, body);
  }
});

test('a repeated name gives its values in order, for readParameters to refuse', () => {
  assert.deepEqual(plain(parseForm('scope=a&scope=b&x=1&scope=c')), { scope: ['a', 'b', 'c'], x: '1' });
});

test('malformed percent-escapes are kept as sent instead of failing the request', () => {
  assert.deepEqual(plain(parseForm('a=%ZZ&b=%E0%A4%A&c=100%+sure')), { a: '%ZZ', b: '%E0%A4%A', c: '100% sure' });
});

test('__proto__ and constructor are ordinary fields of an object without a prototype', () => {
  const fields = parseForm('__proto__=x&constructor=y&toString=z');
  assert.equal(Object.getPrototypeOf(fields), null);
  assert.deepEqual(Object.entries(fields), [['__proto__', 'x'], ['constructor', 'y'], ['toString', 'z']]);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});
