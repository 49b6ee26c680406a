import { after, before, describe } from 'node:test';
import type { AppOptions } from '../../src/app.js';
import { backends } from './backends.js';
import { createHarness, type Harness } from './harness.js';

/**
 * Runs a suite once per backend with one shared harness: `ctx.h` is ready inside tests.
 * Suites that need a pristine store per test create their own harness instead.
 */
export function eachBackend(title: string, body: (ctx: { h: Harness }) => void, env: Record<string, string> = {}, options: AppOptions = {}): void {
  for (const backend of backends()) {
    describe(`${title} [${backend.name}]`, () => {
      const ctx = {} as { h: Harness };
      before(async () => {
        ctx.h = await createHarness(backend, env, options);
      });
      after(async () => {
        await ctx.h?.close();
      });
      body(ctx);
    });
  }
}
