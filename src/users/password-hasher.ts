import { Algorithm } from '@node-rs/argon2';
import { createHashWorkerPool } from './hash-worker-pool.js';

/** OWASP argon2id parameters: m=19 MiB, t=2, p=1 (DESIGN §3). */
const ARGON2ID = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** True when a verified hash should be replaced (bcrypt, or older argon2 parameters). */
  needsRehash(hash: string): boolean;
  /** Costs as much as a real verify; used for unknown users so timing reveals nothing. */
  burn(password: string): Promise<void>;
}

/** Hashing runs in low-priority worker threads, never on the event loop (DESIGN §11). */
export function createPasswordHasher(): PasswordHasher {
  const pool = createHashWorkerPool();
  const verifyArgon2 = (hash: string, password: string) => pool.run<boolean>({ op: 'argon2-verify', hash, password }).catch(() => false);
  let dummy: Promise<string> | undefined;
  const hash = (password: string) => pool.run<string>({ op: 'argon2-hash', password, options: ARGON2ID });
  return {
    hash,
    async verify(stored, password) {
      if (/^\$2[aby]\$/.test(stored)) return pool.run<boolean>({ op: 'bcrypt-verify', hash: stored.replace(/^\$2y\$/, '$2b$'), password });
      if (!stored.startsWith('$argon2')) return false;
      return verifyArgon2(stored, password);
    },
    needsRehash: (stored) => !stored.startsWith(CURRENT_PREFIX),
    async burn(password) {
      dummy ??= hash('gatehouse-timing-equaliser');
      await verifyArgon2(await dummy, password);
    },
  };
}
