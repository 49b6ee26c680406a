import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { SYSTEM_CONTEXT } from '../../src/audit/audit-log.js';
import { bootstrap } from '../../src/bootstrap.js';
import type { ClientGrant, NewClient } from '../../src/clients/client.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createServices, type Services } from '../../src/services.js';
import type { Backend } from './backends.js';
import { adjustableClock } from './clock.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const ISSUER = 'http://localhost:8080';

export interface Harness {
  app: FastifyInstance;
  services: Services;
  clock: ReturnType<typeof adjustableClock>;
  /** Every log line the app wrote, for asserting that no secret leaks. */
  logs: string[];
  createClient(grants: ClientGrant[], extra?: Partial<NewClient>): Promise<{ id: number; secret: string }>;
  createUser(username: string, password: string, extra?: { isAdministrator?: boolean; status?: 'ACTIVE' | 'INACTIVE' }): Promise<number>;
  /** POSTs a form-encoded body to a protocol endpoint. */
  post(url: string, form: Record<string, string>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  passwordToken(client: { id: number; secret: string }, username?: string, password?: string, scope?: string): Promise<Record<string, any>>;
  close(): Promise<void>;
}

/** A bootstrapped app over a fresh store of the given backend, with a fixed admin password. */
export async function createHarness(backend: Backend, env: Record<string, string> = {}, options: AppOptions = {}): Promise<Harness> {
  const config = loadConfig({
    GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'),
    GATEHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    GATEHOUSE_ISSUER: ISSUER,
    LOG_LEVEL: 'info',
    ...env,
  });
  const store = await backend.open();
  const clock = adjustableClock();
  const services = createServices(config, store, { clock });
  await bootstrap(services);
  const logs: string[] = [];
  const logStream = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
  const app = await buildApp(services, { logStream, ...options });
  await app.ready();
  let clientCount = 0;

  const harness: Harness = {
    app,
    services,
    clock,
    logs,
    async createClient(grants, extra = {}) {
      const { client, secret } = await services.clientService.create(
        { name: `client ${++clientCount} ${randomBytes(3).toString('hex')}`, grantTypes: grants, confidential: true, ...extra },
        SYSTEM_CONTEXT,
      );
      return { id: client.id, secret: secret ?? '' };
    },
    async createUser(username, password, extra = {}) {
      const user = await services.users.create({
        username,
        email: `${username}@example.test`,
        passwordHash: await services.hasher.hash(password),
        ...extra,
      });
      return user.id;
    },
    post(url, form, headers = {}) {
      return app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams(form).toString(),
      });
    },
    async passwordToken(client, username = 'admin', password = ADMIN_PASSWORD, scope) {
      const response = await harness.post('/oauth/token', {
        grant_type: 'password',
        client_id: String(client.id),
        client_secret: client.secret,
        username,
        password,
        ...(scope ? { scope } : {}),
      });
      if (response.statusCode !== 200) throw new Error(`password grant failed: ${response.body}`);
      return response.json();
    },
    async close() {
      await app.close();
      await services.close();
    },
  };
  return harness;
}

export function basic(id: number | string, secret: string): string {
  return 'Basic ' + Buffer.from(`${encodeURIComponent(String(id))}:${encodeURIComponent(secret)}`).toString('base64');
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
