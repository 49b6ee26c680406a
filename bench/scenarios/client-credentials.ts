import { basic, FORM, form, type Scenario } from '../lib/scenario.js';

/** `POST /oauth/token` with `client_credentials` and `client_secret_basic`: a JWT per request. */
export const scenario: Scenario<null> = {
  name: 'client_credentials',
  description: 'POST /oauth/token grant_type=client_credentials (Basic auth), one signed JWT and one stored token row per request',
  target: 0.3,
  besideSigningFloor: true,
  prepare: async () => null,
  load: (_params, seed) => ({
    method: 'POST',
    path: '/oauth/token',
    headers: { ...FORM, authorization: basic(seed.clients.credentials.id, seed.clients.credentials.secret) },
    body: form({ grant_type: 'client_credentials' }),
  }),
};
