import { parseArgs } from 'node:util';
import { SYSTEM_CONTEXT } from '../../audit/audit-log.js';
import { UniqueViolation } from '../../shared/validation-error.js';
import { signOutEverywhere } from '../../users/sign-out-everywhere.js';
import { userResource } from '../../users/user-resource.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { printRecord, printTable, type Output } from '../output.js';

const OPTIONS = {
  json: { type: 'boolean' },
  email: { type: 'string' },
  password: { type: 'string' },
  firstname: { type: 'string' },
  lastname: { type: 'string' },
  admin: { type: 'boolean' },
} as const;

/** `gatehouse user create|list|set-password`. */
export async function userCommand(context: CliContext, args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [action, username] = positionals;
  const { users, hasher, audit } = context.services;
  if (action === 'list') {
    printTable(output, (await users.list()).map((u) => {
      const { id, username, email, status, is_administrator } = userResource(u);
      return { id, username, email, status, is_administrator };
    }), values.json ?? false);
    return 0;
  }
  if (!username) throw new CliError(`usage: gatehouse user ${action ?? 'create|list|set-password'} USERNAME --password PASSWORD`);
  if (!values.password || values.password.length < 8) throw new CliError('--password is required (at least 8 characters)');
  if (action === 'create') {
    const user = await users
      .create({
        username,
        email: (values.email ?? `${username}@localhost`).toLowerCase(),
        firstname: values.firstname,
        lastname: values.lastname,
        passwordHash: await hasher.hash(values.password),
        isAdministrator: values.admin ?? false,
      })
      .catch((e) => Promise.reject(e instanceof UniqueViolation ? new CliError(`a user with that ${e.column} already exists`) : e));
    await audit.record({ ...SYSTEM_CONTEXT, event: 'user.created', target: { type: 'user', id: String(user.id), name: user.username } });
    printRecord(output, userResource(user), values.json ?? false);
    return 0;
  }
  if (action === 'set-password') {
    const found = await users.findForLogin(username);
    if (!found) throw new CliError(`no user named ${username}`);
    await users.setPasswordHash(found.user.id, await hasher.hash(values.password));
    const revoked = await signOutEverywhere(context.services, found.user.id);
    await audit.record({ ...SYSTEM_CONTEXT, event: 'user.password_changed', target: { type: 'user', id: String(found.user.id), name: username } });
    output.out(values.json ? JSON.stringify({ id: found.user.id, revoked_tokens: revoked }) : `Password changed; ${revoked} token(s) revoked.`);
    return 0;
  }
  throw new CliError(`unknown user action "${action}" (create, list, set-password)`);
}
