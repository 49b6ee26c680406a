import { Algorithm, hash, verify } from '@node-rs/argon2';
import { compare as bcryptCompare } from '@node-rs/bcrypt';

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

export function createPasswordHasher(): PasswordHasher {
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, ARGON2ID),
    async verify(stored, password) {
      if (/^\$2[aby]\$/.test(stored)) return bcryptCompare(password, stored.replace(/^\$2y\$/, '$2b$'));
      if (!stored.startsWith('$argon2')) return false;
      return verify(stored, password).catch(() => false);
    },
    needsRehash: (stored) => !stored.startsWith(CURRENT_PREFIX),
    async burn(password) {
      dummy ??= hash('gatehouse-timing-equaliser', ARGON2ID);
      await verify(await dummy, password).catch(() => false);
    },
  };
}
