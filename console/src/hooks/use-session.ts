import { createContext, useContext } from 'react';
import type { Me } from '../api/types';
import type { RuntimeConfig } from '../auth/runtime-config';

export interface Session {
  me: Me;
  config: RuntimeConfig;
  /** True when the signed-in user's token carries `permission` (the server still checks). */
  can(permission: string): boolean;
  reloadMe(): Promise<void>;
  signOut(): void;
  /**
   * For when the server has already ended this session (a password change revokes every
   * token): replaces the console with `reason` and a button to sign in again.
   */
  endSession(reason: string): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

export function useCan(): (permission: string) => boolean {
  return useSession().can;
}
