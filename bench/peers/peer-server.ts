import type { Server } from 'node:http';

/** The one client every peer server registers: `client_secret_basic`, client_credentials. */
export const PEER_CLIENT = { id: 1, secret: 'peer-secret-0123456789abcdef' } as const;

/** Listens on `port` and reports ready to bench/peers.ts, as bench/lib/processes.ts expects. */
export function listenAsPeer(server: Server, port: number): void {
  const url = `http://127.0.0.1:${port}`;
  server.listen(port, '127.0.0.1', () => process.send!({ type: 'ready', url, clients: { credentials: PEER_CLIENT } }));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));
}
