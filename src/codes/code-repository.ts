import type { AuthorizationCode } from './authorization-code.js';

/** Storage of authorization codes; implemented once per backend in src/storage/. */
export interface CodeRepository {
  save(code: AuthorizationCode): Promise<void>;
  find(id: string): Promise<AuthorizationCode | undefined>;
  /**
   * Marks an unconsumed, unexpired code consumed in one statement; true only for the single
   * caller that did so (RFC 6749 §4.1.2 single use, under concurrency too).
   */
  consume(id: string, now: number): Promise<boolean>;
  /** Records that a consumed code was presented again (RFC 6749 §4.1.2, RFC 9700 §4.2.4). */
  markReplayed(id: string, now: number): Promise<void>;
  /** True once `markReplayed` ran: a redemption still in flight revokes what it issued. */
  wasReplayed(id: string): Promise<boolean>;
}
