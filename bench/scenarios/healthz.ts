import type { Scenario } from '../lib/scenario.js';

/** `GET /healthz`: Gatehouse's framework and hook overhead with no store work (reference only). */
export const scenario: Scenario<null> = {
  name: 'healthz',
  description: "GET /healthz: the app's routing, hooks and logging with no store access",
  prepare: async () => null,
  load: () => ({ method: 'GET', path: '/healthz' }),
};
