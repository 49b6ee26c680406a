/**
 * The console's tokens, held in memory only: never in localStorage, sessionStorage or a
 * cookie. A reload starts sign-in again, which the server's session makes a silent redirect.
 */
export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

let current: Tokens | null = null;
const listeners = new Set<(tokens: Tokens | null) => void>();

export const tokenStore = {
  get(): Tokens | null {
    return current;
  },
  set(tokens: Tokens | null): void {
    current = tokens;
    for (const listener of listeners) listener(current);
  },
  subscribe(listener: (tokens: Tokens | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** When to refresh: a minute before expiry, or a fifth of a short lifetime, never under 5 s. */
export function refreshDelay(expiresAt: number, now: number, lifetimeMs: number): number {
  const margin = Math.min(60_000, lifetimeMs / 5);
  return Math.max(5_000, expiresAt - margin - now);
}
