import { useCallback, useState, type FormEvent } from 'react';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/Field';
import { useSession } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';
import { UserFields } from '../Users/UserFields';
import { userFormFrom, userInputFrom } from '../Users/user-form';

export function ProfileForm() {
  const { me, reloadMe } = useSession();
  const toast = useToast();
  const [form, setForm] = useState(() => userFormFrom(me));
  const save = useCallback(async () => {
    const { status: _s, is_administrator: _a, ...own } = userInputFrom(form);
    await usersApi.updateMe(own);
    toast('Your details were saved.');
    await reloadMe();
  }, [form, reloadMe, toast]);
  const submit = useSubmit(save);
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
