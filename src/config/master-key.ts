import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from './config.js';

export const MASTER_KEY_VARIABLE = 'GATEHOUSE_MASTER_KEY';

export function decodeMasterKey(raw: string, source = MASTER_KEY_VARIABLE): Buffer {
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32) {
    throw new ConfigError(source, 'must be 32 bytes encoded as base64 (openssl rand -base64 32)');
  }
  return key;
}

/**
 * Development default: a key generated once into `path` with mode 0600. Production sets
 * GATEHOUSE_MASTER_KEY, identical on every instance (DESIGN §9).
 */
export function loadOrCreateMasterKeyFile(path: string): { key: Buffer; created: boolean } {
  if (existsSync(path)) return { key: decodeMasterKey(readFileSync(path, 'utf8'), path), created: false };
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key, created: true };
}
