import { passwordToken, type Scenario } from '../lib/scenario.js';

/** `GET /api/1.0/me` with a JWT: signature, token row (revocation), client and user checks. */
export const scenario: Scenario<string> = {
  name: 'me',
  description: 'GET /api/1.0/me with the bearer JWT of the administrator (password grant, scope *)',
  target: 0.5,
  prepare: async (seed) => (await passwordToken(seed)).access_token,
  load: (token) => ({ method: 'GET', path: '/api/1.0/me', headers: { authorization: `Bearer ${token}` } }),
};
