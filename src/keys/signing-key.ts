import type { JWK } from 'jose';
import type { SigningAlg } from '../config/config.js';

export interface StoredKey {
  kid: string;
  alg: SigningAlg;
  publicJwk: JWK;
  /** PKCS#8 PEM sealed under the master key. */
  sealedPrivateKey: string;
  createdAt: number;
  /** When it starts signing; later than now for a key published ahead of use. */
  activatedAt: number;
  /** After this instant it leaves the JWKS; null while it may still sign. */
  publishUntil: number | null;
}

export type KeyState = 'next' | 'active' | 'retired';

/** `active` is the newest key per algorithm whose activation has come. */
export function keyStates(keys: StoredKey[], now: number): Map<string, KeyState> {
  const states = new Map<string, KeyState>();
  const signers = new Map<string, StoredKey>();
  for (const key of keys) {
    if (key.activatedAt > now) states.set(key.kid, 'next');
    else if (!signers.has(key.alg) || signers.get(key.alg)!.activatedAt < key.activatedAt) signers.set(key.alg, key);
  }
  for (const key of keys) if (!states.has(key.kid)) states.set(key.kid, signers.get(key.alg) === key ? 'active' : 'retired');
  return states;
}
