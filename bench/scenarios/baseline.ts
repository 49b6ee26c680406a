import type { Scenario } from '../lib/scenario.js';

/** A bare Fastify JSON route (bench/baseline-server.ts): the yardstick every ratio divides by. */
export const scenario: Scenario<null> = {
  name: 'baseline',
  description: 'bare Fastify GET returning a small JSON object',
  prepare: async () => null,
  load: () => ({ method: 'GET', path: '/' }),
};
