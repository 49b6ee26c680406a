// The baseline: a bare Fastify JSON route, started the same way as the Gatehouse server.
// It also serves the signing floor: a bare Fastify form POST (read by Gatehouse's form
// parser) that answers with an ES256 JWT signed as Gatehouse signs its access tokens, with
// no client authentication and no storage, and handled as Gatehouse handles its requests
// (after all those of the turn are read: src/handle-after-reading.ts).
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import Fastify from 'fastify';
import { handleAfterReading } from '../src/handle-after-reading.js';
import { acceptFormBodies } from '../src/oauth/form-body.js';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'at+jwt', kid: 'floor' })).toString('base64url');

const app = Fastify({ logger: false });
acceptFormBodies(app, 64 * 1024);
app.get('/', async () => ({ hello: 'world' }));
await app.register(async (floor) => {
  handleAfterReading(floor);
  floor.post('/sign', async (request) => {
    const { grant_type: grantType } = request.body as Record<string, string>;
    const iat = Math.floor(Date.now() / 1000);
    const claims = { iss: 'http://floor', sub: 'client:1', aud: 'http://floor/api/1.0', client_id: '1', scope: grantType, jti: randomUUID(), iat, exp: iat + 3600 };
    const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    return { token_type: 'Bearer', expires_in: 3600, access_token: `${input}.${signature}` };
  });
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ type: 'ready', url });
process.once('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
