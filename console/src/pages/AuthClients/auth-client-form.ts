import type { AuthClient, AuthClientInput, ClientType } from '../../api/types.js';

/** The grant checkboxes, in the seed's order and with its labels (DESIGN §7). */
export const GRANT_OPTIONS: { type: ClientType; label: string; hint: string }[] = [
  {
    type: 'authorization_code_grant',
    label: 'Enable Authorization Code Grant',
    hint: 'Web, mobile and single-page apps that send users to Gatehouse to sign in.',
  },
  { type: 'password_client', label: 'Enable Password Grant', hint: 'Trusted first-party apps that send a username and password.' },
  { type: 'personal_access_client', label: 'Enable Personal Access Tokens', hint: 'Users create long-lived API tokens for scripts.' },
  {
    type: 'client_credentials_grant',
    label: 'Enable Client Credentials Grant',
    hint: 'Machine-to-machine calls that act with the permissions granted to the client.',
  },
];

export interface AuthClientForm {
  name: string;
  types: ClientType[];
  redirect: string[];
  confidential: boolean;
  permissions: string[];
}

export function emptyForm(): AuthClientForm {
  return { name: '', types: [], redirect: [''], confidential: true, permissions: [] };
}

export function formFromClient(client: AuthClient): AuthClientForm {
  return {
    name: client.name,
    types: [...client.types],
    redirect: client.redirect.length ? [...client.redirect] : [''],
    confidential: client.confidential,
    permissions: [...(client.permissions ?? [])],
  };
}

/** What the API receives: redirect URLs only with the authorization code grant, blanks dropped. */
export function inputFromForm(form: AuthClientForm): AuthClientInput {
  const code = form.types.includes('authorization_code_grant');
  const credentials = form.types.includes('client_credentials_grant');
  return {
    name: form.name.trim(),
    types: GRANT_OPTIONS.map((g) => g.type).filter((t) => form.types.includes(t)),
    redirect: code ? form.redirect.map((u) => u.trim()).filter(Boolean) : [],
    confidential: form.confidential,
    permissions: credentials ? form.permissions : [],
  };
}

export function toggleType(types: ClientType[], type: ClientType, on: boolean): ClientType[] {
  return on ? [...new Set([...types, type])] : types.filter((t) => t !== type);
}

/** Whether the table can offer to copy this client's secret. */
export function secretCopyable(client: AuthClient, mode: 'encrypted' | 'hashed'): boolean {
  return mode === 'encrypted' && client.confidential && !client.revoked;
}
