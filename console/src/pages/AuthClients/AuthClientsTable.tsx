import type { AuthClient } from '../../api/types';
import { ActionsMenu, type MenuAction } from '../../components/ActionsMenu';
import { DataTable, type Column } from '../../components/DataTable';
import type { Collection } from '../../hooks/use-collection';
import { useCan } from '../../hooks/use-session';
import { MASKED_SECRET } from '../../lib/format';
import type { AuthClientDialog } from './AuthClientsPage';
import { CopySecretButton } from './CopySecretButton';
import { secretCopyable } from './auth-client-form';

/** Built-in clients (DESIGN §3): the console itself and the personal access client. */
const BUILT_IN = new Set([1, 2]);

interface TableProps {
  collection: Collection<AuthClient>;
  mode: 'encrypted' | 'hashed';
  onAction(dialog: AuthClientDialog): void;
}

export function AuthClientsTable({ collection, mode, onAction }: TableProps) {
  const can = useCan();
  const actionsFor = (client: AuthClient): MenuAction[] => {
    const actions: MenuAction[] = [];
    if (BUILT_IN.has(client.id)) return actions;
    if (can('edit-auth_clients')) actions.push({ label: 'Edit Auth Client', icon: 'edit', onSelect: () => onAction({ kind: 'edit', client }) });
    if (can('edit-auth_clients') && client.confidential) {
      actions.push({ label: 'Regenerate secret', icon: 'refresh', onSelect: () => onAction({ kind: 'rotate', client }) });
    }
    if (can('delete-auth_clients')) {
      actions.push({ label: 'Delete Auth Client', icon: 'trash', danger: true, onSelect: () => onAction({ kind: 'delete', client }) });
    }
    return actions;
  };
  const columns: Column<AuthClient>[] = [
    { key: 'id', header: 'Client ID', sortKey: 'id', className: 'gh-col-id', render: (c) => <span className="gh-mono">{c.id}</span> },
    {
      key: 'name',
      header: 'Name',
      sortKey: 'name',
      render: (c) => (
        <span className="gh-name">
          {c.name}
          {BUILT_IN.has(c.id) && <span className="gh-badge">Built-in</span>}
          {!c.confidential && <span className="gh-badge gh-badge--muted">Public</span>}
        </span>
      ),
    },
    {
      key: 'redirect',
      header: 'Redirect',
      className: 'gh-col-redirect',
      render: (c) => (c.redirect.length ? c.redirect.map((url) => <div key={url} className="gh-url">{url}</div>) : <span className="gh-muted">—</span>),
    },
    { key: 'secret', header: 'Client Secret', render: (c) => <SecretCell client={c} mode={mode} canCopy={can('edit-auth_clients')} /> },
    {
      key: 'actions',
      header: 'Actions',
      className: 'gh-col-actions',
      render: (c) => <ActionsMenu label={`Actions for ${c.name}`} actions={actionsFor(c)} />,
    },
  ];
  return (
    <DataTable
      caption="Auth clients"
      columns={columns}
      rows={collection.rows}
      rowKey={(c) => c.id}
      loading={collection.loading}
      error={collection.error}
      order={{ by: collection.query.order_by, direction: collection.query.order_direction }}
      onSort={(order_by, order_direction) => collection.setQuery({ order_by, order_direction })}
    />
  );
}

function SecretCell({ client, mode, canCopy }: { client: AuthClient; mode: 'encrypted' | 'hashed'; canCopy: boolean }) {
  if (!client.confidential) return <span className="gh-muted">None (public client)</span>;
  return (
    <span className="gh-secret-cell">
      <span className="gh-mono gh-masked" aria-label="Client secret, hidden">
        {MASKED_SECRET}
      </span>
      {canCopy && secretCopyable(client, mode) && <CopySecretButton client={client} />}
    </span>
  );
}
