import { randomAlphanumeric } from '../crypto/random.js';
import { safeEqual, sha256 } from '../crypto/digest.js';
import { isSealed, type SecretBox } from '../crypto/secret-box.js';
import type { StoredSecrets } from './client.js';

const HASH_PREFIX = 'sha256:';

export type SecretMode = 'encrypted' | 'hashed';

/** 40 alphanumerics (≈238 bits): base64url-safe, so Basic auth works unencoded too. */
export function generateClientSecret(): string {
  return randomAlphanumeric(40);
}

/**
 * `encrypted` seals the secret under the master key so an admin can copy it later;
 * `hashed` keeps SHA-256 only: the secret is high-entropy, so no slow hash is needed.
 */
export function storeSecret(secret: string, mode: SecretMode, box: SecretBox): string {
  return mode === 'encrypted' ? box.seal(secret) : HASH_PREFIX + sha256(secret);
}

/** The plaintext of an encrypted secret; undefined for a hashed one. */
export function revealSecret(stored: string, box: SecretBox): string | undefined {
  return isSealed(stored) ? box.open(stored) : undefined;
}

function matches(stored: string, presented: string, box: SecretBox): boolean {
  if (stored.startsWith(HASH_PREFIX)) return safeEqual(stored.slice(HASH_PREFIX.length), sha256(presented));
  return isSealed(stored) && safeEqual(box.open(stored), presented);
}

/** Checks the current secret, then the previous one while its grace period lasts. */
export function secretMatches(secrets: StoredSecrets, presented: string, box: SecretBox, now: number): boolean {
  if (secrets.secret !== null && matches(secrets.secret, presented, box)) return true;
  return (
    secrets.previousSecret !== null &&
    (secrets.previousSecretExpiresAt ?? 0) > now &&
    matches(secrets.previousSecret, presented, box)
  );
}
