import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import type { SigningAlg } from '../config/config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { StoredKey } from './signing-key.js';

function generatePair(alg: SigningAlg) {
  if (alg === 'ES256') return generateKeyPairSync('ec', { namedCurve: 'P-256' });
  if (alg === 'EdDSA') return generateKeyPairSync('ed25519');
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** A new key pair; `kid` is the RFC 7638 thumbprint, so every kid is unique. */
export async function generateSigningKey(alg: SigningAlg, box: SecretBox, now: number, activatedAt = now): Promise<StoredKey> {
  const { publicKey, privateKey } = generatePair(alg);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    kid,
    alg,
    publicJwk: { ...jwk, kid, alg, use: 'sig' },
    sealedPrivateKey: box.seal(pem),
    createdAt: now,
    activatedAt,
    publishUntil: null,
  };
}
