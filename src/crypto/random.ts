import { randomBytes, randomFillSync, randomInt } from 'node:crypto';

// Random bytes drawn from a pool refilled 4 KiB at a time: a small randomBytes() call costs
// about 5 µs, most of it per-call overhead, and the token path needs several per request.
// Each byte is handed out once and wiped from the pool as it is taken.
const pool = Buffer.alloc(4096);
let taken = pool.length;

/** A base64url token with `bytes` of entropy (≥ 16 bytes = 128 bits; SECURITY "Responses"). */
export function randomToken(bytes = 32): string {
  if (bytes > pool.length) return randomBytes(bytes).toString('base64url');
  if (taken + bytes > pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  const token = pool.toString('base64url', taken, taken + bytes);
  pool.fill(0, taken, taken + bytes);
  taken += bytes;
  return token;
}

/**
 * A unique id that sorts by creation time: 12 hex digits of milliseconds, then 96 random
 * bits. For row ids that are not secrets (a JWT's `jti`, RFC 7519 §4.1.7, needs only to be
 * unique; token family ids): a new row lands next to the last one in its index instead of
 * on a random page, so an insert dirties one page however large the table grows.
 */
export function timeOrderedId(now = Date.now()): string {
  return now.toString(16).padStart(12, '0') + randomToken(12);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniformly random alphanumerics: 40 of them carry ≈238 bits (client secrets, DESIGN §2). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}
