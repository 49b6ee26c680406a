import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_CONSOLE_DIR } from '../../src/console/console-plugin.js';
import { openStore } from '../../src/storage/database.js';
import { createHarness, type Harness } from '../helpers/harness.js';

export interface LiveServer {
  origin: string;
  h: Harness;
  close(): Promise<void>;
}

/** A port the OS says is free right now (the issuer must name it before the server listens). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `npm test` builds first; a lone run of a browser test builds the console if it is missing. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(DEFAULT_CONSOLE_DIR, 'index.html'))) return;
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build of the console failed');
}

/** The whole server on SQLite, listening on loopback, its issuer equal to its origin. */
export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  ensureConsoleBuilt();
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const h = await createHarness({ name: 'sqlite', open: async () => openStore('sqlite:') }, { GATEHOUSE_ISSUER: origin, ...env });
    try {
      await h.app.listen({ port, host: '127.0.0.1' });
      return { origin, h, close: () => h.close() };
    } catch (error) {
      await h.close();
      if (attempt >= 3) throw error;
    }
  }
}

/** An administrator's bearer header for direct API calls (set-up and checks, not the console). */
export async function adminHeaders(server: LiveServer): Promise<Record<string, string>> {
  const client = await server.h.createClient(['password']);
  const token = await server.h.passwordToken(client);
  return { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
}
