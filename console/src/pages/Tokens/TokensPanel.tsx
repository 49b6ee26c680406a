import { useState } from 'react';
import type { PersonalToken } from '../../api/types';
import { tokensApi } from '../../api/users';
import { ActionsMenu } from '../../components/ActionsMenu';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { Pagination } from '../../components/Pagination';
import { Card } from '../../components/PageHeader';
import { useCollection } from '../../hooks/use-collection';
import { useToast } from '../../hooks/use-toast';
import { formatDateTime } from '../../lib/format';
import { CreateTokenModal } from './CreateTokenModal';

/** A user's personal access tokens (DESIGN §6): listed, created (shown once), revoked. */
export function TokensPanel({ userId, canManage = true }: { userId: number; canManage?: boolean }) {
  const toast = useToast();
  const tokens = useCollection((q) => tokensApi.list(userId, q), {});
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<PersonalToken | null>(null);
  const columns: Column<PersonalToken>[] = [
    { key: 'name', header: 'Name', render: (t) => t.name },
    { key: 'scopes', header: 'Scopes', render: (t) => <span className="gh-mono">{t.scopes.join(' ') || '—'}</span> },
    { key: 'created', header: 'Created', render: (t) => formatDateTime(t.created_at) },
    { key: 'expires', header: 'Expires', render: (t) => formatDateTime(t.expires_at) },
    {
      key: 'actions',
      header: 'Actions',
      className: 'gh-col-actions',
      render: (t) => (
        <ActionsMenu label={`Actions for token ${t.name}`} actions={canManage ? [{ label: 'Revoke Token', icon: 'trash', danger: true, onSelect: () => setRevoking(t) }] : []} />
      ),
    },
  ];
  return (
    <Card title="API Tokens" actions={canManage && <Button variant="primary" onClick={() => setCreating(true)}>+API Token</Button>}>
      <p className="gh-muted gh-card__intro">Personal access tokens act as this user in scripts: send one as <code>Authorization: Bearer …</code>.</p>
      <DataTable caption="API tokens" columns={columns} rows={tokens.rows} rowKey={(t) => t.id} loading={tokens.loading} error={tokens.error} />
      <Pagination meta={tokens.meta} label="API tokens" onPage={(page) => tokens.setQuery({ page })} onPerPage={(per_page) => tokens.setQuery({ per_page })} />
      {creating && <CreateTokenModal userId={userId} onClose={() => setCreating(false)} onCreated={tokens.reload} />}
      {revoking && (
        <ConfirmDialog
          title="Revoke Token"
          message={`Are you sure you want to revoke the token ${revoking.name}? Scripts using it stop working at once.`}
          confirmLabel="Revoke"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await tokensApi.revoke(userId, revoking.id);
            toast(`Token ${revoking.name} revoked.`);
            setRevoking(null);
            tokens.reload();
          }}
        />
      )}
    </Card>
  );
}
