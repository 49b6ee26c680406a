import { useState } from 'react';
import { usersApi } from '../../api/users';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { Tabs, type Tab } from '../../components/Tabs';
import { useResource } from '../../hooks/use-resource';
import { useSession } from '../../hooks/use-session';
import { fullName } from '../../lib/format';
import { TokensPanel } from '../Tokens/TokensPanel';
import { UserGroupsPanel } from './UserGroupsPanel';
import { UserInformationPanel } from './UserInformationPanel';
import { UserPermissionsPanel } from './UserPermissionsPanel';

/** One user: details, groups, direct permissions and API tokens, each on a tab. */
export function UserDetailPage({ id }: { id: number }) {
  const { me } = useSession();
  const user = useResource(() => usersApi.show(id), [id]);
  const [tab, setTab] = useState('information');

  if (user.error) return <div className="gh-alert gh-alert--error" role="alert">{user.error}</div>;
  if (!user.data) return <p role="status">Loading…</p>;
  const u = user.data;
  const tabs: Tab[] = [
    { id: 'information', label: 'Information', render: () => <UserInformationPanel user={u} onSaved={user.set} /> },
    { id: 'groups', label: 'Groups', render: () => <UserGroupsPanel user={u} /> },
    { id: 'permissions', label: 'Permissions', render: () => <UserPermissionsPanel user={u} onSaved={user.set} /> },
  ];
  // Personal tokens are the user's own business, or an administrator's (DESIGN §6).
  if (me.is_administrator || me.id === u.id) tabs.push({ id: 'tokens', label: 'API Tokens', render: () => <TokensPanel userId={u.id} /> });
  return (
    <>
      <nav aria-label="Breadcrumb" className="gh-breadcrumb">
        <Link to="/users">Users</Link> <span aria-hidden="true">/</span> <span>{u.username}</span>
      </nav>
      <PageHeader title={fullName(u)} description={<>{u.username} · {u.email} · <StatusBadge status={u.status} /></>} />
      <Tabs label="User" tabs={tabs} active={tab} onChange={setTab} />
    </>
  );
}
