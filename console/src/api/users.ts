import { api } from './http';
import { queryString, type ListQuery } from './query';
import type { Group, Me, Paginated, PersonalToken, User, UserStatus } from './types';

export interface UserInput {
  username: string;
  email: string;
  firstname: string;
  lastname: string;
  status: UserStatus;
  is_administrator?: boolean;
  password?: string;
}

export const usersApi = {
  me: () => api<Me>('/me'),
  updateMe: (input: Partial<UserInput>) => api<Me>('/me', { method: 'PUT', body: input }),
  changePassword: (input: { current_password: string; password: string; password_confirmation: string }) =>
    api<void>('/me/password', { method: 'PUT', body: input }),
  list: (query: ListQuery) => api<Paginated<User>>(`/users${queryString(query)}`),
  show: (id: number) => api<User>(`/users/${id}`),
  create: (input: UserInput) => api<User>('/users', { method: 'POST', body: input }),
  update: (id: number, input: Partial<UserInput>) => api<User>(`/users/${id}`, { method: 'PUT', body: input }),
  remove: (id: number) => api<void>(`/users/${id}`, { method: 'DELETE' }),
  groups: (id: number) => api<Paginated<Group>>(`/users/${id}/groups?per_page=100`),
  permissions: (id: number) => api<{ permissions: string[] }>(`/users/${id}/permissions`),
  setPermissions: (id: number, permissions: string[]) =>
    api<unknown>(`/users/${id}/permissions`, { method: 'PUT', body: { permissions } }),
};

export const tokensApi = {
  list: (userId: number, query: ListQuery = {}) => api<Paginated<PersonalToken>>(`/users/${userId}/tokens${queryString(query)}`),
  create: (userId: number, input: { name: string; scopes: string[] }) =>
    api<PersonalToken>(`/users/${userId}/tokens`, { method: 'POST', body: input }),
  revoke: (userId: number, tokenId: string) => api<void>(`/users/${userId}/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
};
