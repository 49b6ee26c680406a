import { useCallback, useState } from 'react';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/Field';
import { PermissionPicker } from '../../components/PermissionPicker';
import { useResource } from '../../hooks/use-resource';
import { useCan } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

/** The user's direct permissions; groups add more, and administrators hold all. */
export function UserPermissionsPanel({ user }: { user: User }) {
  const can = useCan();
  const toast = useToast();
  const current = useResource(() => usersApi.permissions(user.id), [user.id]);
  const [value, setValue] = useState<string[] | null>(null);
  const selected = value ?? current.data?.permissions ?? [];
  const save = useCallback(async () => {
    await usersApi.setPermissions(user.id, selected);
    toast(`Permissions of ${user.username} saved.`);
  }, [selected, toast, user]);
  const submit = useSubmit(save);
  if (user.is_administrator) return <div className="gh-alert gh-alert--info">{user.username} is an administrator and holds every permission.</div>;
  if (current.error) return <div className="gh-alert gh-alert--error" role="alert">{current.error}</div>;
  if (!current.data) return <p role="status">Loading…</p>;
  const editable = can('edit-users');
  return (
    <div className="gh-card gh-form">
      <FormMessage message={submit.message} />
      <PermissionPicker legend="Permissions" hint="Permissions given to this user directly; the user's groups may add more." value={selected} onChange={setValue} errors={submit.errors.permissions} disabled={!editable} />
      {editable && (
        <div className="gh-form__actions">
          <Button variant="primary" busy={submit.submitting} onClick={() => void submit.run()}>
            Save
          </Button>
        </div>
      )}
    </div>
  );
}
