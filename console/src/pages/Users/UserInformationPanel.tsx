import { useCallback, useState, type FormEvent } from 'react';
import type { UserDetail } from '../../api/types';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/Field';
import { useCan } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';
import { userFormFrom, userInputFrom } from './user-form';
import { UserFields } from './UserFields';

export function UserInformationPanel({ user, onSaved }: { user: UserDetail; onSaved(user: UserDetail): void }) {
  const can = useCan();
  const toast = useToast();
  const [form, setForm] = useState(() => userFormFrom(user));
  const save = useCallback(async () => {
    const saved = await usersApi.update(user.id, userInputFrom(form, user));
    toast(`User ${saved.username} saved.`);
    setForm(userFormFrom(saved));
    onSaved(saved);
  }, [form, onSaved, toast, user]);
  const submit = useSubmit(save);
  const editable = can('edit-users');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="gh-form gh-card">
      <fieldset className="gh-fieldset gh-fieldset--plain" disabled={!editable}>
        <legend className="gh-visually-hidden">User information</legend>
        <FormMessage message={submit.message} />
        <UserFields form={form} onChange={setForm} errors={submit.errors} creating={false} />
      </fieldset>
      {editable && (
        <div className="gh-form__actions">
          <Button type="submit" variant="primary" busy={submit.submitting}>
            Save
          </Button>
        </div>
      )}
    </form>
  );
}
