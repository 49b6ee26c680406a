import type { Clock } from '../../src/crypto/clock.js';

/** A clock tests move forward to expire codes and tokens without waiting. */
export function adjustableClock(): Clock & { advance(seconds: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(seconds) {
      offset += seconds * 1000;
    },
  };
}
