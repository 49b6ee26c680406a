import { useState } from 'react';
import { authClientsApi } from '../../api/auth-clients';
import type { AuthClient } from '../../api/types';
import { Button } from '../../components/Button';
import { Pagination } from '../../components/Pagination';
import { Card, PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useCan, useSession } from '../../hooks/use-session';
import { useCollection } from '../../hooks/use-collection';
import { AuthClientModal } from './AuthClientModal';
import { AuthClientsTable } from './AuthClientsTable';
import { DeleteAuthClientDialog } from './DeleteAuthClientDialog';
import { RegenerateSecretModal } from './RegenerateSecretModal';

export type AuthClientDialog = { kind: 'create' } | { kind: 'edit' | 'delete' | 'rotate'; client: AuthClient } | null;

/** The seed's Auth Clients page (DESIGN §7). */
export function AuthClientsPage() {
  const can = useCan();
  const { config } = useSession();
  const clients = useCollection(authClientsApi.list, { order_by: 'id', order_direction: 'asc' });
  const [dialog, setDialog] = useState<AuthClientDialog>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title="Auth Clients"
        description="Applications that may ask Gatehouse for tokens. The client id is the number in the first column."
        actions={
          can('create-auth_clients') && (
            <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>
              +Auth Client
            </Button>
          )
        }
      />
      {config.client_secrets === 'hashed' && (
        <div className="gh-alert gh-alert--info" role="note">
          Client secrets are stored hashed on this server (GATEHOUSE_CLIENT_SECRETS=hashed), so they cannot be copied later: a
          secret is shown once, when the client is created or its secret is regenerated.
        </div>
      )}
      <Card>
        <div className="gh-toolbar">
          <SearchInput label="Search auth clients" onSearch={(filter) => clients.setQuery({ filter })} />
        </div>
        <AuthClientsTable collection={clients} mode={config.client_secrets} onAction={setDialog} />
        <Pagination meta={clients.meta} label="Auth clients" onPage={(page) => clients.setQuery({ page })} onPerPage={(per_page) => clients.setQuery({ per_page })} />
      </Card>
      {dialog?.kind === 'create' && <AuthClientModal onClose={close} onSaved={clients.reload} />}
      {dialog?.kind === 'edit' && <AuthClientModal client={dialog.client} onClose={close} onSaved={clients.reload} />}
      {dialog?.kind === 'rotate' && <RegenerateSecretModal client={dialog.client} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteAuthClientDialog client={dialog.client} onClose={close} onDeleted={clients.reload} />}
    </>
  );
}
