import { sha256 } from '../crypto/digest.js';
import { randomToken } from '../crypto/random.js';

const TIME_PART = /^([0-9a-f]{12})\./;

/**
 * A new refresh token: 12 hex digits of its issue time in milliseconds, a dot, then 256
 * random bits (RFC 6749 §10.10). The time part is no secret (the access token issued with it
 * carries `iat`); it makes the stored ids of new tokens sort by time, so a rotation appends
 * to the index instead of writing to a random page of it, however many tokens are stored.
 */
export function newRefreshToken(now: number): string {
  return `${now.toString(16).padStart(12, '0')}.${randomToken(32)}`;
}

/**
 * The id a refresh token is stored and looked up under. One-way, so the table never holds
 * a usable token: the time part and the token's SHA-256, or the SHA-256 alone for tokens
 * issued before the time part existed, which keep working.
 */
export function refreshTokenId(token: string): string {
  const time = TIME_PART.exec(token);
  return time ? `${time[1]}.${sha256(token)}` : sha256(token);
}
