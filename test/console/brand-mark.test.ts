import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SHIELD_PATH } from '../../src/oauth/pages/layout.js';
import { openStore } from '../../src/storage/database.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** One mark everywhere: the console header's shield is also the sign-in pages' logo and the favicon. */
describe('the Gatehouse mark', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness({ name: 'sqlite', open: async () => openStore('sqlite:') });
  });
  after(async () => {
    await h?.close();
  });

  it('is the shield of the console icon set', () => {
    const icon = /shield: '([^']+)'/.exec(source('console/src/components/Icon.tsx'))?.[1];
    assert.equal(icon, SHIELD_PATH);
    assert.ok(source('console/public/favicon.svg').includes(`d="${SHIELD_PATH}"`), 'the favicon draws the shield');
  });

  it('heads the sign-in pages, inline and without a style attribute', async () => {
    const page = await h.app.inject('/oauth/login');
    assert.equal(page.statusCode, 200);
    const brand = /<span class="gh-brand">(<svg[^]*?<\/svg>)/.exec(page.body)?.[1] ?? '';
    assert.ok(brand.includes(`d="${SHIELD_PATH}"`), brand);
    assert.doesNotMatch(brand, /style=/);
    assert.doesNotMatch(String(page.headers['content-security-policy']), /style-src[^;]*unsafe-inline/);
  });
});
