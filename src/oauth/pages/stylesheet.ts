import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The pages' one stylesheet: the console's design tokens and base styles, then
 * src/oauth/pages/assets/gatehouse.css. Read from the source tree both under tsx (src/…) and when built (dist/…
 * sits beside src/ and console/ in the package).
 */
const SOURCES = [
  new URL('../../../console/src/styles/tokens.css', import.meta.url),
  new URL('../../../console/src/styles/base.css', import.meta.url),
  new URL('../../../src/oauth/pages/assets/gatehouse.css', import.meta.url),
];

export interface Stylesheet {
  /** Path with a content hash, so browsers may cache it for good. */
  href: string;
  css: string;
}

export function loadStylesheet(): Stylesheet {
  const css = SOURCES.map((source) => readFileSync(source, 'utf8')).join('\n');
  const version = createHash('sha256').update(css).digest('base64url').slice(0, 12);
  return { href: `/oauth/assets/gatehouse.css?v=${version}`, css };
}

export function registerStylesheet(app: FastifyInstance, stylesheet: Stylesheet): void {
  app.get('/oauth/assets/gatehouse.css', async (_request, reply) =>
    reply.header('Cache-Control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(stylesheet.css),
  );
}
