import { bootstrap, type BootstrapResult } from '../bootstrap.js';
import type { Env } from '../config/env-schema.js';
import { loadConfig } from '../config/load-config.js';
import { createServices, type Services } from '../services.js';
import { openStore } from '../storage/database.js';

export interface CliContext {
  services: Services;
  bootstrapped: BootstrapResult;
  close(): Promise<void>;
}

/** Config, store and services for one command; the store is migrated and seeded first. */
export async function openContext(env: Env, warn: (line: string) => void): Promise<CliContext> {
  const config = loadConfig(env, { warn });
  const store = openStore(config.databaseUrl);
  try {
    const services = createServices(config, store);
    const bootstrapped = await bootstrap(services);
    if (bootstrapped.generatedAdminPassword) {
      warn(`Created administrator "${config.admin.username}" with password ${bootstrapped.generatedAdminPassword} (shown once; change it with: gatehouse user set-password ${config.admin.username})`);
    }
    return { services, bootstrapped, close: () => services.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}
