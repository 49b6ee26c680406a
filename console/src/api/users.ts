import { api } from './http';
import { queryString, type ListQuery } from './query';
import type { Me, Paginated, PersonalToken, User, UserDetail, UserStatus } from './types';

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
  list: (query: ListQuery) => api<Paginated<User>>(`/users${queryString(query)}`),
  show: (id: number) => api<UserDetail>(`/users/${id}`),
  create: (input: UserInput) => api<UserDetail>('/users', { method: 'POST', body: input }),
  update: (id: number, input: Partial<UserInput> & { permissions?: string[] }) => api<UserDetail>(`/users/${id}`, { method: 'PUT', body: input }),
  remove: (id: number) => api<void>(`/users/${id}`, { method: 'DELETE' }),
};

/** Self-service for the signed-in user, whatever permissions they hold (`PUT /me…`). */
export const profileApi = {
  update: (input: { firstname?: string; lastname?: string; email?: string }) => api<Me>('/me', { method: 'PUT', body: input }),
  /** 204; the server then revokes every token of the user, this console's included. */
  changePassword: (currentPassword: string, password: string) =>
    api<void>('/me/password', { method: 'PUT', body: { current_password: currentPassword, password } }),
};

export const tokensApi = {
  list: (userId: number, query: ListQuery = {}) => api<Paginated<PersonalToken>>(`/users/${userId}/tokens${queryString(query)}`),
  create: (userId: number, input: { name: string; scopes: string[] }) =>
    api<PersonalToken>(`/users/${userId}/tokens`, { method: 'POST', body: input }),
  revoke: (userId: number, tokenId: string) => api<void>(`/users/${userId}/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
};
