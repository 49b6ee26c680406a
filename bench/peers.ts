// `npm run bench:peers [-- --seconds S --rounds N --connections C]`: client_credentials tokens per second
// from Gatehouse and from the peers issue 8 names (node-oidc-provider, opaque and ES256 JWT;
// @node-oauth/oauth2-server), each pinned to the server core in turn, the same load
// generator on the other, in alternating slices. Reference only: not in `npm run bench`.
import { peerOptions } from './lib/options.js';
import { startGatehouse } from './lib/gatehouse.js';
import { PINNING, runLoad, startServer, type ServerProcess } from './lib/processes.js';
import type { Seed } from './lib/scenario.js';

interface Slice {
  rps: number;
  cpu?: number;
}

/** The slice with the median req/s, as `npm run bench` reports a scenario. */
const medianSlice = (slices: Slice[]) => [...slices].sort((a, b) => a.rps - b.rps)[Math.floor(slices.length / 2)];

interface Contender {
  name: string;
  what: string;
  seed: Seed;
  stop(): Promise<void>;
}

async function peer(name: string, what: string, script: string, env: NodeJS.ProcessEnv = {}): Promise<Contender> {
  const server: ServerProcess<Seed> = await startServer<Seed>(script, { cores: PINNING?.server, env });
  return { name, what, seed: { ...server.ready, pid: server.child.pid }, stop: () => server.stop() };
}

const opts = peerOptions(process.argv.slice(2));
const gatehouse = await startGatehouse({ ...opts, clients: 0 });
const contenders: Contender[] = [
  { name: 'gatehouse', what: `ES256 JWT, its row committed to ${gatehouse.dialect === 'sqlite' ? 'SQLite (fsynced)' : 'PostgreSQL'}, the secret compared in constant time`, seed: gatehouse.seed, stop: () => gatehouse.stop() },
  await peer('oidc-provider', 'opaque, in-memory adapter', 'peers/oidc-provider.ts'),
  await peer('oidc-provider-jwt', 'ES256 JWT, in-memory adapter', 'peers/oidc-provider.ts', { PEER_FORMAT: 'jwt' }),
  await peer('oauth2-server', 'opaque, a Map, bare node:http', 'peers/oauth2-server.ts'),
];
const slices = new Map<string, Slice[]>(contenders.map((c) => [c.name, []]));
try {
  const seconds = opts.seconds / opts.rounds;
  for (let round = 0; round < opts.rounds; round++) {
    for (const { name, seed } of contenders) {
      const result = await runLoad({ scenario: 'client-credentials', url: seed.url, params: null, seed, connections: opts.connections, seconds: seconds - opts.warmupSeconds, warmupSeconds: opts.warmupSeconds, serverPid: seed.pid });
      if (result.count === 0) throw new Error(`${name}: no successful response (${JSON.stringify(result.statusCodes)})`);
      slices.get(name)!.push({ rps: result.rps, cpu: result.serverCpuUsPerRequest });
      console.error(`  ${name}: ${Math.round(result.rps)} req/s`);
    }
  }
} finally {
  for (const contender of contenders) await contender.stop();
}
const ours = medianSlice(slices.get('gatehouse')!).rps;
console.log('client_credentials, median slice of each (req/s; CPU µs per token; Gatehouse against each)\n');
for (const { name, what } of contenders) {
  const { rps, cpu = NaN } = medianSlice(slices.get(name)!);
  console.log(`${name.padEnd(18)} ${Math.round(rps).toLocaleString('en-US').padStart(7)} req/s ${cpu.toFixed(0).padStart(5)} µs   ${(ours / rps).toFixed(2)}×   ${what}`);
}
