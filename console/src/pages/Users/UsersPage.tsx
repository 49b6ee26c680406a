import { useState } from 'react';
import { errorMessage } from '../../api/http';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { ActionsMenu, type MenuAction } from '../../components/ActionsMenu';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { Card, PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { StatusBadge } from '../../components/StatusBadge';
import { useCollection } from '../../hooks/use-collection';
import { useRouter } from '../../hooks/use-router';
import { useCan, useSession } from '../../hooks/use-session';
import { useToast } from '../../hooks/use-toast';
import { fullName } from '../../lib/format';
import { UserModal } from './UserModal';

export function UsersPage() {
  const can = useCan();
  const { me } = useSession();
  const toast = useToast();
  const { navigate } = useRouter();
  const users = useCollection(usersApi.list, { order_by: 'id', order_direction: 'asc' });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<User | null>(null);

  const setStatus = async (user: User, status: User['status']) => {
    try {
      await usersApi.update(user.id, { status });
      toast(`User ${user.username} ${status === 'ACTIVE' ? 'enabled' : 'disabled'}.`);
      users.reload();
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };
  const actionsFor = (user: User): MenuAction[] => {
    const actions: MenuAction[] = [{ label: 'Open User', icon: 'user', onSelect: () => navigate(`/users/${user.id}`) }];
    if (can('edit-users') && user.id !== me.id) {
      actions.push(
        user.status === 'ACTIVE'
          ? { label: 'Disable User', icon: 'close', onSelect: () => void setStatus(user, 'INACTIVE') }
          : { label: 'Enable User', icon: 'check', onSelect: () => void setStatus(user, 'ACTIVE') },
      );
    }
    if (can('delete-users') && user.id !== me.id) actions.push({ label: 'Delete User', icon: 'trash', danger: true, onSelect: () => setDeleting(user) });
    return actions;
  };
  const columns: Column<User>[] = [
    { key: 'id', header: 'ID', sortKey: 'id', className: 'gh-col-id', render: (u) => <span className="gh-mono">{u.id}</span> },
    { key: 'username', header: 'Username', sortKey: 'username', render: (u) => <Link to={`/users/${u.id}`}>{u.username}</Link> },
    { key: 'name', header: 'Full Name', sortKey: 'firstname', render: (u) => fullName(u) },
    { key: 'email', header: 'Email', sortKey: 'email', render: (u) => u.email },
    { key: 'status', header: 'Status', render: (u) => <StatusBadge status={u.status} /> },
    { key: 'actions', header: 'Actions', className: 'gh-col-actions', render: (u) => <ActionsMenu label={`Actions for ${u.username}`} actions={actionsFor(u)} /> },
  ];
  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to Gatehouse and the apps that use it."
        actions={can('create-users') && <Button variant="primary" onClick={() => setCreating(true)}>+User</Button>}
      />
      <Card>
        <div className="gh-toolbar">
          <SearchInput label="Search users" onSearch={(filter) => users.setQuery({ filter })} />
        </div>
        <DataTable
          caption="Users"
          columns={columns}
          rows={users.rows}
          rowKey={(u) => u.id}
          loading={users.loading}
          error={users.error}
          order={{ by: users.query.order_by, direction: users.query.order_direction }}
          onSort={(order_by, order_direction) => users.setQuery({ order_by, order_direction })}
        />
        <Pagination meta={users.meta} label="Users" onPage={(page) => users.setQuery({ page })} onPerPage={(per_page) => users.setQuery({ per_page })} />
      </Card>
      {creating && <UserModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/users/${id}`)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete User"
          message={`Are you sure you want to delete the user ${deleting.username}? Their tokens stop working at once.`}
          confirmLabel="Delete"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await usersApi.remove(deleting.id);
            toast(`User ${deleting.username} deleted.`);
            setDeleting(null);
            users.reload();
          }}
        />
      )}
    </>
  );
}
