// The baseline: a bare Fastify JSON route, started the same way as the Gatehouse server.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ type: 'ready', url });
process.once('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
