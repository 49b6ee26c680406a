import { api } from './http';
import { queryString, type ListQuery } from './query';
import type { Group, Paginated, Permission, SecurityLog, User } from './types';

export interface GroupInput {
  name: string;
  description: string;
  status: 'ACTIVE' | 'INACTIVE';
  permissions?: string[];
}

export const groupsApi = {
  list: (query: ListQuery) => api<Paginated<Group>>(`/groups${queryString(query)}`),
  show: (id: number) => api<Group & { permissions: string[] }>(`/groups/${id}`),
  create: (input: GroupInput) => api<Group>('/groups', { method: 'POST', body: input }),
  update: (id: number, input: Partial<GroupInput>) => api<Group & { permissions: string[] }>(`/groups/${id}`, { method: 'PUT', body: input }),
  remove: (id: number) => api<void>(`/groups/${id}`, { method: 'DELETE' }),
  members: (id: number, query: ListQuery = {}) => api<Paginated<User>>(`/groups/${id}/members${queryString(query)}`),
  addMember: (id: number, userId: number) => api<unknown>(`/groups/${id}/members`, { method: 'POST', body: { user_id: userId } }),
  removeMember: (id: number, userId: number) => api<void>(`/groups/${id}/members/${userId}`, { method: 'DELETE' }),
};

export const permissionsApi = {
  list: () => api<Paginated<Permission>>('/permissions?per_page=100'),
};

export const securityLogsApi = {
  list: (query: Record<string, string | number | undefined>) => api<Paginated<SecurityLog>>(`/security_logs${queryString(query)}`),
};
