// node-oidc-provider (panva) issuing client_credentials tokens, as issue 8 cites it: its
// default in-memory adapter, opaque tokens, or ES256 JWTs with PEER_FORMAT=jwt (RFC 9068, via
// resource indicators). A peer for bench/peers.ts, not part of Gatehouse.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from '../lib/processes.js';
import { listenAsPeer, PEER_CLIENT } from './peer-server.js';

const port = await freePort();
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const format = process.env.PEER_FORMAT === 'jwt' ? 'jwt' : 'opaque';
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: String(PEER_CLIENT.id),
      client_secret: PEER_CLIENT.secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'peer', alg: 'ES256', use: 'sig' }] },
  routes: { token: '/oauth/token' },
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => `${issuer}/api`,
      getResourceServerInfo: () => ({ scope: 'api', accessTokenFormat: format, jwt: { sign: { alg: 'ES256' } } }),
    },
  },
});
listenAsPeer(createServer(provider.callback()), port);
