import type { AuditLog, AuditContext } from '../audit/audit-log.js';
import type { Clock } from '../crypto/clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { UniqueViolation, ValidationError } from '../shared/validation-error.js';
import type { Client, ClientChanges, NewClient, StoredSecrets } from './client.js';
import type { ClientRepository } from './client-repository.js';
import { createSecretMatcher, generateClientSecret, revealSecret, storeSecret, type SecretMode } from './client-secret.js';

export interface ClientServiceDeps {
  clients: ClientRepository;
  box: SecretBox;
  mode: SecretMode;
  audit: AuditLog;
  clock: Clock;
}

export type ClientService = ReturnType<typeof createClientService>;

/** Client lifecycle shared by the CLI, the REST API and the console. */
export function createClientService({ clients, box, mode, audit, clock }: ClientServiceDeps) {
  const nameTaken = () => ValidationError.field('name', 'The name has already been taken.');
  const secretMatches = createSecretMatcher(box);

  return {
    /** Creates the client; a confidential one gets a secret, returned here once. */
    async create(input: NewClient, context: AuditContext) {
      const secret = input.confidential ? generateClientSecret() : null;
      const client = await clients
        .create(input, secret === null ? null : storeSecret(secret, mode, box))
        .catch((error) => Promise.reject(error instanceof UniqueViolation ? nameTaken() : error));
      await audit.record({ ...context, event: 'auth_client.created', target: clientTarget(client) });
      return { client, secret };
    },

    async update(id: number, changes: ClientChanges, context: AuditContext): Promise<Client | undefined> {
      const client = await clients
        .update(id, changes)
        .catch((error) => Promise.reject(error instanceof UniqueViolation ? nameTaken() : error));
      if (client) {
        await audit.record({ ...context, event: 'auth_client.updated', target: clientTarget(client), details: { fields: Object.keys(changes) } });
      }
      return client;
    },

    /** Deleting revokes at once: the client's tokens and codes go with it. */
    async delete(id: number, context: AuditContext): Promise<boolean> {
      const deleted = await clients.delete(id);
      if (deleted) await audit.record({ ...context, event: 'auth_client.deleted', target: { type: 'auth_client', id: String(id) } });
      return deleted;
    },

    /** New secret; the old one stays valid for `graceSeconds` (0: revoked at once). */
    async rotateSecret(id: number, graceSeconds: number, context: AuditContext): Promise<string | undefined> {
      const current = await clients.findSecrets(id);
      if (!current) return undefined;
      const secret = generateClientSecret();
      const previous = graceSeconds > 0 && current.secret !== null
        ? { secret: current.secret, expiresAt: clock.now() + graceSeconds * 1000 }
        : null;
      await clients.setSecret(id, storeSecret(secret, mode, box), previous);
      await audit.record({ ...context, event: 'auth_client.secret_rotated', target: { type: 'auth_client', id: String(id) }, details: { grace_seconds: graceSeconds } });
      return secret;
    },

    /** The plaintext secret (audited); `hashed` when only a hash is stored. */
    async revealSecret(id: number, context: AuditContext): Promise<{ secret: string } | 'hashed' | 'public' | undefined> {
      const stored = await clients.findSecrets(id);
      if (!stored) return undefined;
      if (stored.secret === null) return 'public';
      const secret = revealSecret(stored.secret, box);
      if (secret === undefined) return 'hashed';
      await audit.record({ ...context, event: 'auth_client.secret_revealed', target: { type: 'auth_client', id: String(id) } });
      return { secret };
    },

    /** Whether `presented` is the client's secret, or its previous one within the grace period. */
    verifySecret(stored: StoredSecrets, presented: string): boolean {
      return secretMatches(stored, presented, clock.now());
    },
  };
}

function clientTarget(client: Client) {
  return { type: 'auth_client', id: String(client.id), name: client.name };
}
