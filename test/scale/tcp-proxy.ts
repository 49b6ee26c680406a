import { createServer, connect, type Server, type Socket } from 'node:net';

/** A loopback TCP proxy the test can cut and restore, to make a database "unreachable". */
export async function startProxy(targetPort: number, targetHost = '127.0.0.1') {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  async function listen(): Promise<void> {
    server = createServer((client) => {
      const upstream = connect(targetPort, targetHost);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((ready) => server!.listen(port, '127.0.0.1', ready));
    port = (server!.address() as { port: number }).port;
  }

  await listen();
  return {
    get port() {
      return port;
    },
    /** Refuses new connections and drops every open one. */
    async cut() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server!.close(() => done()));
    },
    restore: listen,
    close() {
      for (const s of sockets) s.destroy();
      server?.close();
    },
  };
}
