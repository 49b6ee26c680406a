import { authClientsApi } from '../../api/auth-clients';
import type { AuthClient } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../hooks/use-toast';

/** Deleting revokes the client and every token it holds (DESIGN §6). */
export function DeleteAuthClientDialog({ client, onClose, onDeleted }: { client: AuthClient; onClose(): void; onDeleted(): void }) {
  const toast = useToast();
  const confirm = async () => {
    await authClientsApi.remove(client.id);
    toast(`The auth client ${client.name} was deleted.`);
    onDeleted();
    onClose();
  };
  return (
    <ConfirmDialog
      title="Delete Auth Client"
      message={`Are you sure you want to delete the auth client ${client.name}?`}
      confirmLabel="Delete"
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}
