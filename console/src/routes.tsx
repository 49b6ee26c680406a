import type { ReactNode } from 'react';
import type { IconName } from './components/Icon';
import { AuthClientsPage } from './pages/AuthClients/AuthClientsPage';
import { GroupDetailPage } from './pages/Groups/GroupDetailPage';
import { GroupsPage } from './pages/Groups/GroupsPage';
import { ProfilePage } from './pages/Profile/ProfilePage';
import { SecurityLogsPage } from './pages/SecurityLogs/SecurityLogsPage';
import { UserDetailPage } from './pages/Users/UserDetailPage';
import { UsersPage } from './pages/Users/UsersPage';

export interface Route {
  pattern: string;
  /** Needed to see the page; absent for pages every signed-in user has. */
  permission?: string;
  render(params: Record<string, string>): ReactNode;
  nav?: { label: string; icon: IconName };
}

export const ROUTES: Route[] = [
  { pattern: '/auth-clients', permission: 'view-auth_clients', render: () => <AuthClientsPage />, nav: { label: 'Auth Clients', icon: 'key' } },
  { pattern: '/users', permission: 'view-users', render: () => <UsersPage />, nav: { label: 'Users', icon: 'users' } },
  { pattern: '/users/:id', permission: 'view-users', render: (p) => <UserDetailPage id={Number(p.id)} /> },
  { pattern: '/groups', permission: 'view-groups', render: () => <GroupsPage />, nav: { label: 'Groups', icon: 'group' } },
  { pattern: '/groups/:id', permission: 'view-groups', render: (p) => <GroupDetailPage id={Number(p.id)} /> },
  { pattern: '/security-logs', permission: 'view-security_logs', render: () => <SecurityLogsPage />, nav: { label: 'Security Logs', icon: 'log' } },
  { pattern: '/profile', render: () => <ProfilePage />, nav: { label: 'Profile', icon: 'user' } },
];

/** Where `/admin/` lands: the first page the user may see (Profile always qualifies). */
export function homePath(can: (permission: string) => boolean): string {
  return ROUTES.find((r) => r.nav && (!r.permission || can(r.permission)))!.pattern;
}
