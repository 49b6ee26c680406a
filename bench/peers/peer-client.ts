/** The one client every peer server registers: `client_secret_basic`, client_credentials. */
export const PEER_CLIENT = { id: 1, secret: 'peer-secret-0123456789abcdef' } as const;
