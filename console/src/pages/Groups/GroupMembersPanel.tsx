import { useState, type FormEvent } from 'react';
import { groupsApi } from '../../api/groups';
import { errorMessage } from '../../api/http';
import type { Group, User } from '../../api/types';
import { usersApi } from '../../api/users';
import { ActionsMenu } from '../../components/ActionsMenu';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { Link } from '../../components/Link';
import { Card } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useCollection } from '../../hooks/use-collection';
import { useResource } from '../../hooks/use-resource';
import { useToast } from '../../hooks/use-toast';
import { fullName } from '../../lib/format';

export function GroupMembersPanel({ group, editable }: { group: Group; editable: boolean }) {
  const toast = useToast();
  const members = useCollection((q) => groupsApi.members(group.id, q), {});
  const candidates = useResource(() => (editable ? usersApi.list({ per_page: 100 }) : Promise.resolve(null)), [editable]);
  const [userId, setUserId] = useState('');
  const memberIds = new Set(members.rows.map((u) => u.id));
  const options = (candidates.data?.data ?? []).filter((u) => !memberIds.has(u.id));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    try {
      await groupsApi.addMember(group.id, Number(userId));
      toast('Member added.');
      setUserId('');
      members.reload();
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };
  const remove = async (user: User) => {
    try {
      await groupsApi.removeMember(group.id, user.id);
      toast(`${user.username} removed from ${group.name}.`);
      members.reload();
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };
  const columns: Column<User>[] = [
    { key: 'username', header: 'Username', render: (u) => <Link to={`/users/${u.id}`}>{u.username}</Link> },
    { key: 'name', header: 'Full Name', render: (u) => fullName(u) },
    { key: 'email', header: 'Email', render: (u) => u.email },
    {
      key: 'actions',
      header: 'Actions',
      className: 'gh-col-actions',
      render: (u) => <ActionsMenu label={`Actions for ${u.username}`} actions={editable ? [{ label: 'Remove from Group', icon: 'trash', danger: true, onSelect: () => void remove(u) }] : []} />,
    },
  ];
  return (
    <Card>
      {editable && (
        <form className="gh-inline-form" onSubmit={add}>
          <SelectField label="Add a member" value={userId} onChange={setUserId} options={[{ value: '', label: 'Choose a user…' }, ...options.map((u) => ({ value: String(u.id), label: `${u.username} (${fullName(u)})` }))]} />
          <Button type="submit" variant="primary" icon="plus" disabled={!userId}>
            Add
          </Button>
        </form>
      )}
      <DataTable caption="Members" columns={columns} rows={members.rows} rowKey={(u) => u.id} loading={members.loading} error={members.error} />
      <Pagination meta={members.meta} label="Members" onPage={(page) => members.setQuery({ page })} onPerPage={(per_page) => members.setQuery({ per_page })} />
    </Card>
  );
}
