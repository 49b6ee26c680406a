import { useState } from 'react';
import { groupsApi } from '../../api/groups';
import type { Group } from '../../api/types';
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
import { useCan } from '../../hooks/use-session';
import { useToast } from '../../hooks/use-toast';
import { GroupModal } from './GroupModal';

export function GroupsPage() {
  const can = useCan();
  const toast = useToast();
  const { navigate } = useRouter();
  const groups = useCollection(groupsApi.list, { order_by: 'name', order_direction: 'asc' });
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'delete'; group: Group } | null>(null);
  const close = () => setDialog(null);
  const actionsFor = (group: Group): MenuAction[] => {
    const actions: MenuAction[] = [{ label: 'Open Group', icon: 'group', onSelect: () => navigate(`/groups/${group.id}`) }];
    if (can('edit-groups')) actions.push({ label: 'Edit Group', icon: 'edit', onSelect: () => setDialog({ kind: 'edit', group }) });
    if (can('delete-groups')) actions.push({ label: 'Delete Group', icon: 'trash', danger: true, onSelect: () => setDialog({ kind: 'delete', group }) });
    return actions;
  };
  const columns: Column<Group>[] = [
    { key: 'id', header: 'ID', sortKey: 'id', className: 'gh-col-id', render: (g) => <span className="gh-mono">{g.id}</span> },
    { key: 'name', header: 'Name', sortKey: 'name', render: (g) => <Link to={`/groups/${g.id}`}>{g.name}</Link> },
    { key: 'description', header: 'Description', render: (g) => g.description || <span className="gh-muted">—</span> },
    { key: 'members', header: 'Members', render: (g) => g.members_count ?? '—' },
    { key: 'status', header: 'Status', render: (g) => <StatusBadge status={g.status} /> },
    { key: 'actions', header: 'Actions', className: 'gh-col-actions', render: (g) => <ActionsMenu label={`Actions for ${g.name}`} actions={actionsFor(g)} /> },
  ];
  return (
    <>
      <PageHeader
        title="Groups"
        description="Give permissions to many users at once: members hold the group's permissions."
        actions={can('create-groups') && <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>+Group</Button>}
      />
      <Card>
        <div className="gh-toolbar">
          <SearchInput label="Search groups" onSearch={(filter) => groups.setQuery({ filter })} />
        </div>
        <DataTable
          caption="Groups"
          columns={columns}
          rows={groups.rows}
          rowKey={(g) => g.id}
          loading={groups.loading}
          error={groups.error}
          order={{ by: groups.query.order_by, direction: groups.query.order_direction }}
          onSort={(order_by, order_direction) => groups.setQuery({ order_by, order_direction })}
        />
        <Pagination meta={groups.meta} label="Groups" onPage={(page) => groups.setQuery({ page })} onPerPage={(per_page) => groups.setQuery({ per_page })} />
      </Card>
      {dialog?.kind === 'create' && <GroupModal onClose={close} onSaved={groups.reload} />}
      {dialog?.kind === 'edit' && <GroupModal group={dialog.group} onClose={close} onSaved={groups.reload} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete Group"
          message={`Are you sure you want to delete the group ${dialog.group.name}? Its members lose the permissions it gives.`}
          confirmLabel="Delete"
          onClose={close}
          onConfirm={async () => {
            await groupsApi.remove(dialog.group.id);
            toast(`Group ${dialog.group.name} deleted.`);
            close();
            groups.reload();
          }}
        />
      )}
    </>
  );
}
