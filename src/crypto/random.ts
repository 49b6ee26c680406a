import { randomBytes, randomInt } from 'node:crypto';

/** A base64url token with `bytes` of entropy (≥ 16 bytes = 128 bits; SECURITY "Responses"). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniformly random alphanumerics: 40 of them carry ≈238 bits (client secrets, DESIGN §2). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}
