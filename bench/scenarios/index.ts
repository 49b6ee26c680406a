import type { Scenario } from '../lib/scenario.js';
import { scenario as authorizationCode } from './authorization-code.js';
import { scenario as clientCredentials } from './client-credentials.js';
import { scenario as clientsList } from './clients-list.js';
import { scenario as healthz } from './healthz.js';
import { scenario as introspection } from './introspection.js';
import { scenario as me } from './me.js';
import { scenario as refreshToken } from './refresh-token.js';

/**
 * Scenarios run with the server pinned to one core, by the file name the load generator
 * imports. The password grant and the baseline have their own phases in run.ts.
 */
export const PINNED_SCENARIOS: ReadonlyArray<{ file: string; scenario: Scenario<any> }> = [
  { file: 'healthz', scenario: healthz },
  { file: 'client-credentials', scenario: clientCredentials },
  { file: 'refresh-token', scenario: refreshToken },
  { file: 'me', scenario: me },
  { file: 'introspection', scenario: introspection },
  { file: 'clients-list', scenario: clientsList },
  { file: 'authorization-code', scenario: authorizationCode },
];
