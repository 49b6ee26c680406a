import { FORM, type Scenario } from '../lib/scenario.js';

/**
 * The least any JWT token endpoint costs here: a bare Fastify form POST that signs an ES256
 * JWT (bench/baseline-server.ts), without client authentication or storage, its requests
 * handled after the turn's reads as Gatehouse's are. Reference only:
 * `client_credentials` is this plus authenticating the client and storing the token.
 */
export const scenario: Scenario<null> = {
  name: 'signing_floor',
  description: "bare Fastify form POST answering with an ES256 JWT, handled after the turn's reads: no client authentication, no storage (reference)",
  prepare: async () => null,
  load: () => ({ method: 'POST', path: '/sign', headers: FORM, body: 'grant_type=client_credentials' }),
};
