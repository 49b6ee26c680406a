import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { base64url, jwtPayload, randomToken, s256 } from '../../console/src/auth/pkce.js';
import { refreshDelay } from '../../console/src/auth/token-store.js';
import { pageList, rangeLabel } from '../../console/src/lib/format.js';
import { emptyForm, formFromClient, inputFromForm, secretCopyable } from '../../console/src/pages/AuthClients/auth-client-form.js';
import { describeParty, filterParams } from '../../console/src/pages/SecurityLogs/log-filters.js';
import type { AuthClient } from '../../console/src/api/types.js';

describe('console helpers', () => {
  it('computes the S256 challenge, BASE64URL(SHA256(verifier)) (RFC 7636 §4.2)', async () => {
    const verifier = randomToken(32);
    assert.equal(await s256(verifier), createHash('sha256').update(verifier).digest('base64url'));
  });

  it('makes 43-character base64url verifiers carrying 256 bits', () => {
    const a = randomToken(32);
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, randomToken(32));
    assert.equal(base64url(new Uint8Array([251, 255])), '-_8');
  });

  it('reads a JWT payload', () => {
    const payload = Buffer.from(JSON.stringify({ nonce: 'n-1', sub: '1' })).toString('base64url');
    assert.deepEqual(jwtPayload(`e30.${payload}.sig`), { nonce: 'n-1', sub: '1' });
  });

  it('refreshes a minute before expiry, sooner for short tokens, never under 5 s', () => {
    assert.equal(refreshDelay(3_600_000, 0, 3_600_000), 3_540_000);
    assert.equal(refreshDelay(100_000, 0, 100_000), 80_000);
    assert.equal(refreshDelay(1_000, 0, 1_000), 5_000);
  });

  it('lists pages with gaps', () => {
    assert.deepEqual(pageList(1, 3), [1, 2, 3]);
    assert.deepEqual(pageList(5, 10), [1, null, 4, 5, 6, null, 10]);
    assert.deepEqual(pageList(1, 10), [1, 2, null, 10]);
    assert.deepEqual(pageList(3, 10), [1, 2, 3, 4, null, 10]);
  });

  it('labels the shown range', () => {
    assert.equal(rangeLabel({ total: 23, count: 10, per_page: 10, current_page: 2 }), 'Showing 11–20 of 23');
    assert.equal(rangeLabel({ total: 0, count: 0, per_page: 10, current_page: 1 }), 'No results');
  });

  it('maps the Auth Client form to the API body (DESIGN §6)', () => {
    const form = { ...emptyForm(), name: ' Password Grant ', types: ['password_client' as const], redirect: ['https://x.test/cb'] };
    assert.deepEqual(inputFromForm(form), { name: 'Password Grant', types: ['password_client'], redirect: [], confidential: true, permissions: [] });
    const code = { ...form, types: ['client_credentials_grant' as const, 'authorization_code_grant' as const], redirect: [' https://a.test/cb ', ''], permissions: ['view-users'] };
    assert.deepEqual(inputFromForm(code), {
      name: 'Password Grant',
      types: ['authorization_code_grant', 'client_credentials_grant'],
      redirect: ['https://a.test/cb'],
      confidential: true,
      permissions: ['view-users'],
    });
  });

  it('offers to copy a secret only in encrypted mode, for live confidential clients', () => {
    const client: AuthClient = {
      id: 3, name: 'Password Grant', types: ['password_client'], redirect: [], confidential: true, require_pkce: false,
      permissions: [], revoked: false, created_at: '', updated_at: '',
    };
    assert.equal(formFromClient(client).redirect.length, 1);
    assert.equal(secretCopyable(client, 'encrypted'), true);
    assert.equal(secretCopyable(client, 'hashed'), false);
    assert.equal(secretCopyable({ ...client, confidential: false }, 'encrypted'), false);
  });

  it('turns log filters into query parameters', () => {
    assert.deepEqual(filterParams({ search: '', event: ' auth_client.created ', actorId: '', from: '2025-01-02', to: '2025-01-03' }), {
      filter: undefined,
      event: 'auth_client.created',
      actor_id: undefined,
      from: '2025-01-02T00:00:00.000Z',
      to: '2025-01-03T23:59:59.999Z',
    });
    assert.equal(describeParty({ type: 'user', id: '1', name: 'admin' }), 'User 1 (admin)');
    assert.equal(describeParty({ type: 'system', id: '0' }), 'System');
    assert.equal(describeParty(null), '—');
  });
});
