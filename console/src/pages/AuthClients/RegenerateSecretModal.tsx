import { useCallback, useState } from 'react';
import { authClientsApi } from '../../api/auth-clients';
import type { AuthClient } from '../../api/types';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { FormModal } from '../../components/FormModal';
import { Modal } from '../../components/Modal';
import { SecretValue } from '../../components/SecretValue';
import { useSession } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

const GRACE_OPTIONS = [
  { value: '0', label: 'No grace period: the old secret stops working now' },
  { value: '300', label: '5 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '1 day' },
  { value: '604800', label: '7 days' },
];

/** Rotates a client's secret; the old one may keep working for a grace period while apps update. */
export function RegenerateSecretModal({ client, onClose }: { client: AuthClient; onClose(): void }) {
  const toast = useToast();
  const { config } = useSession();
  const [grace, setGrace] = useState('0');
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useCallback(async () => {
    const result = await authClientsApi.rotateSecret(client.id, Number(grace));
    setSecret(result.secret ?? null);
    toast(`The secret of ${client.name} was regenerated.`);
  }, [client, grace, toast]);
  const submit = useSubmit(rotate);

  if (secret) {
    return (
      <Modal title="Regenerate secret" onClose={onClose} footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
        <p>
          The new secret of <strong>{client.name}</strong> (client id <span className="gh-mono">{client.id}</span>) is ready.
          {grace !== '0' && ' The old secret keeps working until the grace period ends.'}
        </p>
        <SecretValue label="New Client Secret" value={secret} copyLabel="Copy Client Secret" once={config.client_secrets === 'hashed'} />
      </Modal>
    );
  }
  return (
    <FormModal title="Regenerate secret" onClose={onClose} submit={submit} submitLabel="Regenerate secret" validate>
      <p>
        Generate a new client secret for <strong>{client.name}</strong>. Apps that use the old secret must be updated.
      </p>
      <SelectField label="Keep the old secret working for" value={grace} onChange={setGrace} options={GRACE_OPTIONS} errors={submit.errors.grace_seconds} />
    </FormModal>
  );
}
