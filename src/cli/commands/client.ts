import { parseArgs } from 'node:util';
import { SYSTEM_CONTEXT } from '../../audit/audit-log.js';
import { clientResource } from '../../clients/client-resource.js';
import { validateClientInput } from '../../clients/client-validation.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { printRecord, printTable, type Output } from '../output.js';

const OPTIONS = {
  json: { type: 'boolean' },
  name: { type: 'string' },
  grant: { type: 'string', multiple: true },
  redirect: { type: 'string', multiple: true },
  public: { type: 'boolean' },
  trusted: { type: 'boolean' },
  permission: { type: 'string', multiple: true },
  grace: { type: 'string' },
} as const;

function clientId(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) throw new CliError('a numeric client id is required');
  return Number(raw);
}

/** `gatehouse client create|list|show|rotate-secret|delete`; grants use the RFC names. */
export async function clientCommand(context: CliContext, args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [action, idArgument] = positionals;
  const { clients, clientService } = context.services;
  const json = values.json ?? false;

  switch (action) {
    case 'create': {
      const input = validateClientInput({ name: values.name, grantTypes: values.grant ?? [], redirectUris: values.redirect ?? [] });
      const { client, secret } = await clientService.create(
        { ...input, confidential: !values.public, trusted: values.trusted ?? false, permissions: values.permission ?? [] },
        SYSTEM_CONTEXT,
      );
      printRecord(output, { ...clientResource(client), secret }, json);
      return 0;
    }
    case 'list':
      printTable(output, (await clients.list()).map((c) => {
        const { id, name, types, redirect, confidential, revoked } = clientResource(c);
        return { id, name, types, redirect, confidential, revoked };
      }), json);
      return 0;
    case 'show': {
      const client = await clients.findById(clientId(idArgument));
      if (!client) throw new CliError(`no client with id ${idArgument}`);
      printRecord(output, clientResource(client), json);
      return 0;
    }
    case 'rotate-secret': {
      const id = clientId(idArgument);
      const grace = values.grace === undefined ? 0 : Number(values.grace);
      if (!Number.isInteger(grace) || grace < 0) throw new CliError('--grace takes a whole number of seconds');
      const client = await clients.findById(id);
      if (!client) throw new CliError(`no client with id ${idArgument}`);
      if (!client.confidential) throw new CliError('a public client has no secret');
      const secret = await clientService.rotateSecret(id, grace, SYSTEM_CONTEXT);
      printRecord(output, { id, secret, grace_seconds: grace }, json);
      return 0;
    }
    case 'delete': {
      const id = clientId(idArgument);
      if (!(await clientService.delete(id, SYSTEM_CONTEXT))) throw new CliError(`no client with id ${idArgument}`);
      output.out(json ? JSON.stringify({ id, deleted: true }) : `Deleted client ${id} and revoked its tokens.`);
      return 0;
    }
    default:
      throw new CliError(`unknown client action "${action ?? ''}" (create, list, show, rotate-secret, delete)`);
  }
}
