/** What the server tells the console at `/admin/config.json` (src/console/console-plugin.ts). */
export interface RuntimeConfig {
  issuer: string;
  client_id: number;
  scope: string;
  /** `hashed`: secrets are shown once and cannot be copied later (DESIGN §2). */
  client_secrets: 'encrypted' | 'hashed';
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/admin/config.json', { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`The console configuration could not be loaded (HTTP ${response.status}).`);
  return (await response.json()) as RuntimeConfig;
}

export function redirectUri(config: RuntimeConfig): string {
  return `${config.issuer}/admin/callback`;
}

export function postLogoutRedirectUri(config: RuntimeConfig): string {
  return `${config.issuer}/admin/`;
}
