import { basic, FORM, form, passwordToken, perConnection, type Scenario } from '../lib/scenario.js';

/**
 * `refresh_token` rotation: each connection holds its own grant and presents the refresh
 * token the previous response returned, so every request consumes one and issues one.
 */
export const scenario: Scenario<string[]> = {
  name: 'refresh_token',
  description: 'POST /oauth/token grant_type=refresh_token, rotating: consume one refresh token, issue a JWT and a new refresh token',
  async prepare(seed, connections) {
    // One password grant per connection (plus spares for reconnects); each costs one argon2id verify.
    const tokens = await Promise.all(Array.from({ length: connections + 4 }, () => passwordToken(seed)));
    return tokens.map((t) => t.refresh_token);
  },
  load(pool, seed) {
    const authorization = basic(seed.clients.password.id, seed.clients.password.secret);
    return {
      setupClient: perConnection(
        () => ({ token: pool.pop() ?? '' }),
        (state) => [
          {
            method: 'POST',
            path: '/oauth/token',
            headers: { ...FORM, authorization },
            setupRequest: (request) => ({ ...request, body: form({ grant_type: 'refresh_token', refresh_token: state.token }) }),
            onResponse: (status, body) => {
              if (status === 200) state.token = JSON.parse(body).refresh_token;
            },
          },
        ],
      ),
    };
  },
};
