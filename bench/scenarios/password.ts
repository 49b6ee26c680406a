import { basic, FORM, form, type Scenario } from '../lib/scenario.js';

/**
 * The password grant: one argon2id verify (m=19 MiB, t=2, p=1) per request. Its ratio is to
 * the raw argon2id ceiling of the machine (bench/argon2-ceiling.ts), not to the baseline.
 */
export const scenario: Scenario<null> = {
  name: 'password',
  description: 'POST /oauth/token grant_type=password: one argon2id verify, a JWT and a refresh token per request',
  target: 0.9,
  prepare: async () => null,
  load: (_params, seed) => ({
    method: 'POST',
    path: '/oauth/token',
    headers: { ...FORM, authorization: basic(seed.clients.password.id, seed.clients.password.secret) },
    body: form({ grant_type: 'password', username: seed.admin.username, password: seed.admin.password, scope: '*' }),
  }),
};
