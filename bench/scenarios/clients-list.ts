import { passwordToken, perConnection, type Scenario } from '../lib/scenario.js';

const PER_PAGE = 25;

/**
 * The REST list the console's Auth Clients page makes: `GET /api/1.0/auth_clients` over
 * the seeded clients (10,000 in a full run), 25 per page, walking through every page.
 */
export const scenario: Scenario<string> = {
  name: 'clients_list',
  description: `GET /api/1.0/auth_clients?page=N&per_page=${PER_PAGE} over every page of the seeded clients (administrator's bearer JWT)`,
  prepare: async (seed) => (await passwordToken(seed)).access_token,
  load(token, seed) {
    const pages = Math.max(1, Math.ceil(seed.clientCount / PER_PAGE));
    let start = 0;
    return {
      setupClient: perConnection(
        () => ({ page: (start++ * 37) % pages }),
        (state) => [
          {
            method: 'GET',
            headers: { authorization: `Bearer ${token}` },
            setupRequest: (request) => {
              state.page = (state.page % pages) + 1;
              return { ...request, path: `/api/1.0/auth_clients?page=${state.page}&per_page=${PER_PAGE}` };
            },
          },
        ],
      ),
    };
  },
};
