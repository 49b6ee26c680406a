import { useCallback, useState } from 'react';
import { tokensApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FieldErrors, TextField } from '../../components/Field';
import { FormModal } from '../../components/FormModal';
import { Modal } from '../../components/Modal';
import { PermissionPicker } from '../../components/PermissionPicker';
import { SecretValue } from '../../components/SecretValue';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

/** Creates a personal access token and shows it once, with a copy button. */
export function CreateTokenModal({ userId, onClose, onCreated }: { userId: number; onClose(): void; onCreated(): void }) {
  const toast = useToast();
  const [name, setName] = useState('');
  const [all, setAll] = useState(true);
  const [scopes, setScopes] = useState<string[]>([]);
  const [token, setToken] = useState<string | null>(null);
  const create = useCallback(async () => {
    const result = await tokensApi.create(userId, { name: name.trim(), scopes: all ? ['*'] : scopes });
    setToken(result.access_token ?? null);
    toast(`Token ${result.name} created.`);
    onCreated();
  }, [all, name, onCreated, scopes, toast, userId]);
  const submit = useSubmit(create);
  if (token) {
    return (
      <Modal title="API Token Created" onClose={onClose} footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
        <SecretValue label="API Token" value={token} copyLabel="Copy Token" />
      </Modal>
    );
  }
  return (
    <FormModal title="Create API Token" onClose={onClose} submit={submit} size="lg">
      <TextField label="Token Name" value={name} onChange={setName} errors={submit.errors.name} autoFocus autoComplete="off" />
      <fieldset className="gh-fieldset">
        <legend>Scopes</legend>
        <label className="gh-check">
          <input type="radio" name="token-scope" checked={all} onChange={() => setAll(true)} />
          <span>All of the user's permissions</span>
        </label>
        <label className="gh-check">
          <input type="radio" name="token-scope" checked={!all} onChange={() => setAll(false)} />
          <span>Only the permissions chosen below</span>
        </label>
        <FieldErrors id="token-scopes-errors" errors={submit.errors.scopes} />
      </fieldset>
      {!all && <PermissionPicker legend="Token permissions" value={scopes} onChange={setScopes} />}
    </FormModal>
  );
}
