import { basic, FORM, form, tokenRequest, type Scenario } from '../lib/scenario.js';

/** `POST /oauth/introspect` (RFC 7662) of an active JWT by the client it was issued to. */
export const scenario: Scenario<string> = {
  name: 'introspection',
  description: 'POST /oauth/introspect of an active client_credentials JWT, Basic auth by its client',
  target: 0.4,
  prepare: async (seed) => (await tokenRequest(seed, seed.clients.credentials, { grant_type: 'client_credentials' })).access_token,
  load: (token, seed) => ({
    method: 'POST',
    path: '/oauth/introspect',
    headers: { ...FORM, authorization: basic(seed.clients.credentials.id, seed.clients.credentials.secret) },
    body: form({ token, token_type_hint: 'access_token' }),
  }),
};
