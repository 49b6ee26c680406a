import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import type { SigningAlg } from '../config/config.js';
import type { Clock } from '../crypto/clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { KeyRepository } from './key-repository.js';
import { keyStates, type StoredKey } from './signing-key.js';

export interface ActiveKey {
  kid: string;
  alg: SigningAlg;
  privateKey: KeyObject;
}

export interface KeyRing {
  signingKey(alg: SigningAlg): Promise<ActiveKey>;
  verificationKey(kid: string): Promise<{ alg: SigningAlg; publicKey: KeyObject } | undefined>;
  /** RFC 7517 set of public keys only: no private members ever. */
  jwks(): Promise<{ keys: JWK[] }>;
  /** Drops the cache so that the next call reads the store. */
  invalidate(): void;
}

interface Snapshot {
  loadedAt: number;
  keys: StoredKey[];
  publicKeys: Map<string, KeyObject>;
  privateKeys: Map<string, KeyObject>;
}

/**
 * Keys read from the shared store and cached for `cacheMs`, so a rotation made by any
 * instance (or the CLI) is picked up without a restart.
 */
export function createKeyRing(repository: KeyRepository, box: SecretBox, clock: Clock, cacheMs = 10_000): KeyRing {
  let snapshot: Promise<Snapshot> | undefined;
  let lastForcedReload = 0;

  async function load(): Promise<Snapshot> {
    const keys = await repository.listPublished(clock.now());
    const publicKeys = new Map(keys.map((k) => [k.kid, createPublicKey({ key: k.publicJwk as any, format: 'jwk' })]));
    return { loadedAt: clock.now(), keys, publicKeys, privateKeys: new Map() };
  }

  async function current(): Promise<Snapshot> {
    const cached = snapshot && (await snapshot.catch(() => undefined));
    if (cached && clock.now() - cached.loadedAt < cacheMs) return cached;
    snapshot = load();
    return snapshot;
  }

  return {
    async signingKey(alg) {
      const snap = await current();
      const states = keyStates(snap.keys, clock.now());
      const key = snap.keys.find((k) => k.alg === alg && states.get(k.kid) === 'active');
      if (!key) throw new Error(`no active ${alg} signing key`);
      let privateKey = snap.privateKeys.get(key.kid);
      if (!privateKey) {
        privateKey = createPrivateKey(box.open(key.sealedPrivateKey));
        snap.privateKeys.set(key.kid, privateKey);
      }
      return { kid: key.kid, alg: key.alg, privateKey };
    },
    async verificationKey(kid) {
      let snap = await current();
      if (!snap.publicKeys.has(kid) && clock.now() - lastForcedReload > 1000) {
        lastForcedReload = clock.now();
        snapshot = load();
        snap = await snapshot;
      }
      const publicKey = snap.publicKeys.get(kid);
      const stored = snap.keys.find((k) => k.kid === kid);
      return publicKey && stored ? { alg: stored.alg, publicKey } : undefined;
    },
    async jwks() {
      return { keys: (await current()).keys.map((k) => k.publicJwk) };
    },
    invalidate() {
      snapshot = undefined;
    },
  };
}
