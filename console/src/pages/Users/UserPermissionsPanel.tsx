import { useCallback, useState } from 'react';
import type { UserDetail } from '../../api/types';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/Field';
import { PermissionPicker } from '../../components/PermissionPicker';
import { useCan } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

/** The user's direct permissions; groups add more, and administrators hold all. */
export function UserPermissionsPanel({ user, onSaved }: { user: UserDetail; onSaved(user: UserDetail): void }) {
  const can = useCan();
  const toast = useToast();
  const [selected, setSelected] = useState<string[]>(user.permissions);
  const save = useCallback(async () => {
    onSaved(await usersApi.update(user.id, { permissions: selected }));
    toast(`Permissions of ${user.username} saved.`);
  }, [onSaved, selected, toast, user]);
  const submit = useSubmit(save);
  if (user.is_administrator) return <div className="gh-alert gh-alert--info">{user.username} is an administrator and holds every permission.</div>;
  const editable = can('edit-users');
  const fromGroups = user.effective_permissions.filter((p) => !user.permissions.includes(p));
  return (
    <div className="gh-card gh-form">
      <FormMessage message={submit.message} />
      <PermissionPicker
        legend="Permissions"
        hint="Permissions given to this user directly. Groups may add more."
        value={selected}
        onChange={setSelected}
        errors={submit.errors.permissions}
        disabled={!editable}
      />
      {fromGroups.length > 0 && (
        <p className="gh-field__hint">
          From groups: <span className="gh-mono">{fromGroups.join(', ')}</span>
        </p>
      )}
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
