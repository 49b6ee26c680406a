import { useCallback, useState, type FormEvent } from 'react';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/Field';
import { useSession } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';
import { fullName } from '../../lib/format';
import { UserFields } from '../Users/UserFields';
import { userFormFrom, userInputFrom } from '../Users/user-form';

/** Own details: editable through `PUT /users/{id}` for those who may edit users, else shown. */
export function ProfileForm() {
  const { me, can, reloadMe } = useSession();
  const toast = useToast();
  const [form, setForm] = useState(() => userFormFrom(me));
  const save = useCallback(async () => {
    const { username, email, firstname, lastname } = userInputFrom(form, me);
    await usersApi.update(me.id, { username, email, firstname, lastname });
    toast('Your details were saved.');
    await reloadMe();
  }, [form, me, reloadMe, toast]);
  const submit = useSubmit(save);
  if (!can('edit-users')) {
    return (
      <>
        <dl className="gh-details">
          <dt>Username</dt>
          <dd>{me.username}</dd>
          <dt>Name</dt>
          <dd>{fullName(me)}</dd>
          <dt>Email</dt>
          <dd>{me.email}</dd>
        </dl>
        <p className="gh-field__hint">Ask an administrator to change your details.</p>
      </>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="gh-form">
      <FormMessage message={submit.message} />
      <UserFields form={form} onChange={setForm} errors={submit.errors} creating={false} self />
      <div className="gh-form__actions">
        <Button type="submit" variant="primary" busy={submit.submitting}>
          Save
        </Button>
      </div>
    </form>
  );
}
