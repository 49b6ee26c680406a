import { hash, timingSafeEqual } from 'node:crypto';

/** One-shot: `crypto.hash` costs less than half of `createHash().update().digest()` for short input. */
export function sha256(value: string): string {
  return hash('sha256', value, 'base64url');
}

/** Constant-time string comparison; the length check leaks only the length. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
