import { randomAlphanumeric } from '../crypto/random.js';
import { safeEqual, sha256 } from '../crypto/digest.js';
import { isSealed, type SecretBox } from '../crypto/secret-box.js';
import { BoundedMap } from '../shared/bounded-map.js';
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

/**
 * Checks presented secrets against stored ones. Both modes compare SHA-256 digests in
 * constant time; for encrypted secrets the digest of the decrypted value is kept by its
 * ciphertext (up to `max`), so AES-GCM runs once per secret rather than once per request.
 * A rotation stores a new ciphertext, so a kept digest is never stale, on any instance.
 */
export function createSecretMatcher(box: SecretBox, max = 1_000) {
  const digests = new BoundedMap<string, string>(max);

  function digestOf(stored: string): string | undefined {
    if (stored.startsWith(HASH_PREFIX)) return stored.slice(HASH_PREFIX.length);
    if (!isSealed(stored)) return undefined;
    return digests.getOrSet(stored, () => sha256(box.open(stored)));
  }

  function matches(stored: string, presented: string): boolean {
    const digest = digestOf(stored);
    return digest !== undefined && safeEqual(digest, sha256(presented));
  }

  /** Checks the current secret, then the previous one while its grace period lasts. */
  return function secretMatches(secrets: StoredSecrets, presented: string, now: number): boolean {
    if (secrets.secret !== null && matches(secrets.secret, presented)) return true;
    return secrets.previousSecret !== null && (secrets.previousSecretExpiresAt ?? 0) > now && matches(secrets.previousSecret, presented);
  };
}
