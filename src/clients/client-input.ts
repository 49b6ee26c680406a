import { unknownPermissions } from '../permissions/acting.js';
import { ValidationError, ValidationErrors } from '../shared/validation-error.js';
import type { Client, ClientChanges, ClientGrant } from './client.js';
import { WIRE_TYPES } from './client-resource.js';
import { validateClientInput } from './client-validation.js';

/** A create or edit body as ProcessMaker's console and clients send it (DESIGN §6). */
export interface ClientBody {
  name?: string;
  types?: string[];
  /** A list, or one comma-separated string. */
  redirect?: string | string[];
  confidential?: boolean;
  require_pkce?: boolean;
  trusted?: boolean;
  permissions?: string[];
}

const grantsOf = (types: readonly string[]) => types.map((t) => WIRE_TYPES[t] ?? t);
const urlsOf = (redirect: string | string[]) => (typeof redirect === 'string' ? redirect.split(',') : redirect);

/**
 * Validates a body against the client it would produce (`current` on edit: absent fields
 * keep their value) and returns only the fields that were sent, in domain names.
 */
export function readClientBody(body: ClientBody, current?: Client): ClientChanges {
  const confidential = current ? current.confidential : body.confidential ?? true;
  const problems = new ValidationErrors();
  let valid: ReturnType<typeof validateClientInput> | undefined;
  try {
    valid = validateClientInput({
      name: body.name ?? current?.name,
      grantTypes: body.types ? grantsOf(body.types) : current?.grantTypes,
      redirectUris: body.redirect !== undefined ? urlsOf(body.redirect) : current?.redirectUris,
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const [field, messages] of Object.entries(error.errors)) messages.forEach((m) => problems.add(field, m));
  }
  const grants: readonly ClientGrant[] = valid?.grantTypes ?? [];
  if (!confidential && grants.includes('client_credentials')) {
    problems.add('types', 'The Client Credentials grant requires a confidential client.');
  }
  if (!confidential && body.require_pkce === false) problems.add('require_pkce', 'A public client must use PKCE.');
  const unknown = unknownPermissions(body.permissions ?? []);
  if (unknown.length > 0) problems.add('permissions', `Unknown permission: ${unknown.join(', ')}.`);
  problems.throwIfAny();

  const changes: ClientChanges = {};
  if (body.name !== undefined) changes.name = valid!.name;
  if (body.types !== undefined) changes.grantTypes = valid!.grantTypes;
  if (body.redirect !== undefined) changes.redirectUris = valid!.redirectUris;
  if (!current) changes.confidential = confidential;
  if (body.require_pkce !== undefined) changes.requirePkce = body.require_pkce;
  if (body.trusted !== undefined) changes.trusted = body.trusted;
  if (body.permissions !== undefined) changes.permissions = [...new Set(body.permissions)];
  return changes;
}
