import { PERMISSIONS } from '../../permissions/permission-names.js';
import { ALL_PERMISSIONS_SCOPE } from '../../tokens/scopes.js';

export interface ScopeDescription {
  title: string;
  detail?: string;
}

const FIXED: Record<string, ScopeDescription> = {
  openid: { title: 'Know who you are', detail: 'Your Gatehouse user id.' },
  profile: { title: 'See your name and username' },
  email: { title: 'See your email address' },
  offline_access: { title: 'Keep access while you are away', detail: 'It can stay signed in until you revoke its access.' },
  [ALL_PERMISSIONS_SCOPE]: { title: 'Act on your behalf', detail: 'Everything your account may do in the Gatehouse API.' },
};

const TITLES = new Map(PERMISSIONS.map((p) => [p.name, p.title]));

/** What the consent and account pages say a scope allows, in plain words. */
export function describeScope(scope: string): ScopeDescription {
  return FIXED[scope] ?? { title: TITLES.get(scope) ?? scope, detail: 'If your account has this permission.' };
}
