import { useCallback, useState } from 'react';
import { authClientsApi } from '../../api/auth-clients';
import type { AuthClient } from '../../api/types';
import { Button } from '../../components/Button';
import { FormModal } from '../../components/FormModal';
import { Modal } from '../../components/Modal';
import { SecretValue } from '../../components/SecretValue';
import { useSession } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';
import { AuthClientFields } from './AuthClientFields';
import { emptyForm, formFromClient, inputFromForm } from './auth-client-form';

interface AuthClientModalProps {
  client?: AuthClient;
  onClose(): void;
  onSaved(): void;
}

/** Create Auth-Client / Edit Auth Client. After a create, the new secret is shown here once. */
export function AuthClientModal({ client, onClose, onSaved }: AuthClientModalProps) {
  const toast = useToast();
  const { config } = useSession();
  const [form, setForm] = useState(() => (client ? formFromClient(client) : emptyForm()));
  const [created, setCreated] = useState<AuthClient | null>(null);

  const save = useCallback(async () => {
    const input = inputFromForm(form);
    if (client) {
      const { confidential: _fixed, ...changes } = input;
      await authClientsApi.update(client.id, changes);
      toast(`Auth client ${input.name} saved.`);
      onSaved();
      onClose();
      return;
    }
    const result = await authClientsApi.create(input);
    toast(`Auth client ${result.name} created with client id ${result.id}.`);
    onSaved();
    if (result.secret) setCreated(result);
    else onClose();
  }, [client, form, onClose, onSaved, toast]);
  const submit = useSubmit(save);

  if (created) {
    return (
      <Modal title="Auth Client Created" onClose={onClose} footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
        <p>
          <strong>{created.name}</strong> has client id <strong className="gh-mono">{created.id}</strong>.
        </p>
        <SecretValue label="Client Secret" value={created.secret!} copyLabel="Copy Client Secret" once={config.client_secrets === 'hashed'} />
        {config.client_secrets === 'encrypted' && (
          <p className="gh-field__hint">You can copy it again later from the Client Secret column of the Auth Clients page.</p>
        )}
      </Modal>
    );
  }

  return (
    <FormModal title={client ? 'Edit Auth Client' : 'Create Auth-Client'} onClose={onClose} submit={submit} size="lg">
      <AuthClientFields form={form} onChange={setForm} errors={submit.errors} editing={Boolean(client)} />
    </FormModal>
  );
}
