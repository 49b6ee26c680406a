import { api } from './http';
import { queryString, type ListQuery } from './query';
import type { AuthClient, AuthClientInput, Paginated } from './types';

export const authClientsApi = {
  list: (query: ListQuery) => api<Paginated<AuthClient>>(`/auth_clients${queryString(query)}`),
  create: (input: AuthClientInput) => api<AuthClient>('/auth_clients', { method: 'POST', body: input }),
  update: (id: number, input: Partial<AuthClientInput>) => api<AuthClient>(`/auth_clients/${id}`, { method: 'PUT', body: input }),
  remove: (id: number) => api<void>(`/auth_clients/${id}`, { method: 'DELETE' }),
  /** Audited on the server; 409 when secrets are stored hashed. */
  secret: (id: number) => api<{ secret: string }>(`/auth_clients/${id}/secret`),
  rotateSecret: (id: number, graceSeconds: number) =>
    api<AuthClient>(`/auth_clients/${id}/secret`, { method: 'POST', body: { grace_seconds: graceSeconds } }),
};
