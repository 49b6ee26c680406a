import type { SigningAlg } from '../config/config.js';
import type { Clock } from '../crypto/clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { generateSigningKey } from './generate-key.js';
import type { KeyRepository } from './key-repository.js';
import type { KeyRing } from './key-ring.js';
import { keyStates } from './signing-key.js';

export interface KeyServiceDeps {
  keys: KeyRepository;
  ring: KeyRing;
  box: SecretBox;
  clock: Clock;
  /** Longest lifetime of a JWT signed by a key: it stays published that long after retiring. */
  maxTokenTtlSeconds: number;
}

export type KeyService = ReturnType<typeof createKeyService>;

export function createKeyService({ keys, ring, box, clock, maxTokenTtlSeconds }: KeyServiceDeps) {
  return {
    /** First start: one active key per algorithm that lacks one. Returns the kids created. */
    async ensureActive(algs: readonly SigningAlg[]): Promise<string[]> {
      const now = clock.now();
      const published = await keys.listPublished(now);
      const states = keyStates(published, now);
      const created: string[] = [];
      for (const alg of new Set(algs)) {
        if (published.some((k) => k.alg === alg && states.get(k.kid) !== 'retired')) continue;
        const key = await generateSigningKey(alg, box, now);
        await keys.insert(key);
        created.push(key.kid);
      }
      ring.invalidate();
      return created;
    },

    /**
     * Publishes a new key now and lets it sign after `activateInSeconds`, so resource servers
     * that cache the JWKS learn it first; the keys it replaces stay published until every
     * token they signed has expired.
     */
    async rotate(alg: SigningAlg, activateInSeconds: number) {
      const now = clock.now();
      const key = await generateSigningKey(alg, box, now, now + activateInSeconds * 1000);
      await keys.insert(key);
      // A pending key that would start after this one is superseded; having never signed, it goes.
      await keys.discardPendingAfter(alg, key.activatedAt, key.kid);
      await keys.schedulePublishEnd(alg, key.kid, key.activatedAt + maxTokenTtlSeconds * 1000);
      ring.invalidate();
      return key;
    },

    async list() {
      const now = clock.now();
      const published = await keys.listPublished(now);
      const states = keyStates(published, now);
      return published.map((k) => ({
        kid: k.kid,
        alg: k.alg,
        state: states.get(k.kid)!,
        created_at: new Date(k.createdAt).toISOString(),
        activated_at: new Date(k.activatedAt).toISOString(),
        publish_until: k.publishUntil === null ? null : new Date(k.publishUntil).toISOString(),
      }));
    },
  };
}
