import { ValidationErrors } from '../shared/validation-error.js';
import { CLIENT_GRANTS, type ClientGrant } from './client.js';
import { redirectUriProblem } from './redirect-uri.js';

export interface ClientInput {
  name?: unknown;
  grantTypes?: unknown;
  redirectUris?: unknown;
}

/**
 * ProcessMaker's create/edit rules and messages (DESIGN §6); field keys are the wire names
 * `name`, `types` and `redirect`.
 */
export function validateClientInput(input: ClientInput): { name: string; grantTypes: ClientGrant[]; redirectUris: string[] } {
  const problems = new ValidationErrors();
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '') problems.add('name', 'The Name field is required.');
  else if (name.length > 255) problems.add('name', 'The Name may not be greater than 255 characters.');

  const grants = Array.isArray(input.grantTypes) ? input.grantTypes : [];
  const unknown = grants.filter((g) => !(CLIENT_GRANTS as readonly unknown[]).includes(g));
  if (grants.length === 0) problems.add('types', 'The Auth-Client must have at least 1 item chosen.');
  else if (unknown.length > 0) problems.add('types', `Unknown grant type: ${unknown.join(', ')}.`);

  const redirectUris = Array.isArray(input.redirectUris)
    ? input.redirectUris.filter((u): u is string => typeof u === 'string').map((u) => u.trim()).filter(Boolean)
    : [];
  if (grants.includes('authorization_code') && redirectUris.length === 0) {
    problems.add('redirect', 'The Redirect field is required.');
  }
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) problems.add('redirect', problem);
  }
  problems.throwIfAny();
  return { name, grantTypes: [...new Set(grants as ClientGrant[])], redirectUris: [...new Set(redirectUris)] };
}
