// @node-oauth/oauth2-server issuing client_credentials tokens with the least around it: a bare
// node:http server, a model keeping opaque random tokens in a Map, the secret compared with
// `===`. A peer for bench/peers.ts, not part of Gatehouse.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import OAuth2Server from '@node-oauth/oauth2-server';
import { freePort } from '../lib/processes.js';
import { listenAsPeer, PEER_CLIENT } from './peer-server.js';

const client = { id: String(PEER_CLIENT.id), grants: ['client_credentials'] };
const tokens = new Map<string, unknown>();
const oauth = new OAuth2Server({
  model: {
    getClient: async (id: string, secret: string) => (id === client.id && secret === PEER_CLIENT.secret ? client : false),
    getUserFromClient: async () => ({ id: 'service' }),
    generateAccessToken: async () => randomBytes(32).toString('base64url'),
    saveToken: async (token: any, savedFor: any, user: any) => {
      const saved = { ...token, client: savedFor, user };
      tokens.set(token.accessToken, saved);
      return saved;
    },
    validateScope: async (_user: any, _client: any, scope?: string[]) => scope ?? ['api'],
  } as any,
});

const port = await freePort();
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    const request = new OAuth2Server.Request({ method: req.method!, headers: req.headers as Record<string, string>, query: {}, body: Object.fromEntries(new URLSearchParams(body)) });
    const response = new OAuth2Server.Response(res);
    try {
      await oauth.token(request, response);
    } catch {
      // the library has set the error's status and body on `response`
    }
    res.writeHead(response.status ?? 500, response.headers as Record<string, string>);
    res.end(JSON.stringify(response.body));
  });
});
listenAsPeer(server, port);
