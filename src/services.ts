import { createAuditLog } from './audit/audit-log.js';
import { createClientService } from './clients/client-service.js';
import type { Config } from './config/config.js';
import { systemClock, type Clock } from './crypto/clock.js';
import { createSecretBox } from './crypto/secret-box.js';
import { createKeyRing } from './keys/key-ring.js';
import { createKeyService } from './keys/key-service.js';
import { createAuditStore } from './storage/audit-store.js';
import { createBearerStore } from './storage/bearer-store.js';
import { createClientStore } from './storage/client-store.js';
import { createGroupStore } from './storage/group-store.js';
import { createPersonalTokenStore } from './storage/personal-token-store.js';
import { createCodeStore } from './storage/code-store.js';
import { createConsentStore } from './storage/consent-store.js';
import { createCounterStore } from './storage/counter-store.js';
import type { Store } from './storage/database.js';
import { createKeyStore } from './storage/key-store.js';
import { createPermissionStore } from './storage/permission-store.js';
import { createSessionStore } from './storage/session-store.js';
import { createTokenStore } from './storage/token-store.js';
import { createUserStore } from './storage/user-store.js';
import { createMetrics } from './metrics/metrics.js';
import { createRedisCounterStore } from './throttle/redis-counter-store.js';
import { createThrottle, type CounterStore } from './throttle/throttle.js';
import { createPersonalAccessTokens } from './tokens/personal-access-tokens.js';
import { createTokenIssuer } from './tokens/token-issuer.js';
import { createTokenVerifier } from './tokens/token-verifier.js';
import { createPasswordHasher, type PasswordHasher } from './users/password-hasher.js';
import { createProfileService } from './users/profile-service.js';
import { createUserService } from './users/user-service.js';
import { createGroupService } from './groups/group-service.js';

export interface ServiceOverrides {
  clock?: Clock;
  hasher?: PasswordHasher;
}

export type Services = ReturnType<typeof createServices>;

/** Explicit composition of repositories and domain services over one store (STYLE §5). */
export function createServices(config: Config, store: Store, overrides: ServiceOverrides = {}) {
  const clock = overrides.clock ?? systemClock;
  const now = () => clock.now();
  const box = createSecretBox(config.masterKey);
  const audit = createAuditLog(createAuditStore(store.db), clock);
  const repositories = {
    users: createUserStore(store.db, now, store.dialect),
    clients: createClientStore(store.db, now, store.dialect),
    tokens: createTokenStore(store.db, store.dialect),
    bearers: createBearerStore(store.db, store.dialect),
    keys: createKeyStore(store.db),
    permissions: createPermissionStore(store.db),
    auditEvents: createAuditStore(store.db),
    groups: createGroupStore(store.db, now),
    personalTokens: createPersonalTokenStore(store.db),
    codes: createCodeStore(store.db, store.dialect),
    sessions: createSessionStore(store.db, store.dialect),
    consents: createConsentStore(store.db),
  };
  const ring = createKeyRing(repositories.keys, box, clock);
  const hasher = overrides.hasher ?? createPasswordHasher();
  const counters: CounterStore & { close?(): Promise<void> } = config.redisUrl
    ? createRedisCounterStore(config.redisUrl, config.issuer)
    : createCounterStore(store.db, store.dialect);
  const throttle = createThrottle(counters, clock, config.throttle);
  return {
    config,
    store,
    clock,
    box,
    audit,
    ring,
    ...repositories,
    hasher,
    throttle,
    metrics: createMetrics(),
    /** Closes what the services opened: Redis, then the store. */
    async close() {
      await counters.close?.();
      await store.close();
    },
    clientService: createClientService({ clients: repositories.clients, box, mode: config.clientSecrets, audit, clock }),
    keyService: createKeyService({ keys: repositories.keys, ring, box, clock, maxTokenTtlSeconds: config.ttl.accessToken }),
    issuer: createTokenIssuer({ config, ring, tokens: repositories.tokens, clock }),
    verifier: createTokenVerifier({ config, ring, bearers: repositories.bearers, clock }),
    personalAccessTokens: createPersonalAccessTokens({ tokens: repositories.tokens, clock, ttlSeconds: config.ttl.personalAccessToken }),
    userService: createUserService({ users: repositories.users, permissions: repositories.permissions, tokens: repositories.tokens, sessions: repositories.sessions, hasher, audit }),
    profileService: createProfileService({ users: repositories.users, tokens: repositories.tokens, sessions: repositories.sessions, hasher, throttle, audit }),
    groupService: createGroupService({ groups: repositories.groups, permissions: repositories.permissions, audit }),
  };
}
