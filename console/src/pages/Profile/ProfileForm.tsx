import { useCallback, useState, type FormEvent } from 'react';
import { profileApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage, TextField } from '../../components/Field';
import { useSession } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

/** Own name and email through `PUT /me`, for every user; the username is shown, not edited. */
export function ProfileForm() {
  const { me, reloadMe } = useSession();
  const toast = useToast();
  const [form, setForm] = useState(() => ({ email: me.email, firstname: me.firstname ?? '', lastname: me.lastname ?? '' }));
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const save = useCallback(async () => {
    await profileApi.update({ email: form.email.trim(), firstname: form.firstname.trim(), lastname: form.lastname.trim() });
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
      <dl className="gh-details">
        <dt>Username</dt>
        <dd>{me.username}</dd>
      </dl>
      <div className="gh-grid-2">
        <TextField label="First Name" value={form.firstname} onChange={set('firstname')} errors={submit.errors.firstname} autoComplete="given-name" />
        <TextField label="Last Name" value={form.lastname} onChange={set('lastname')} errors={submit.errors.lastname} autoComplete="family-name" />
        <TextField label="Email" type="email" value={form.email} onChange={set('email')} errors={submit.errors.email} autoComplete="email" required />
      </div>
      <div className="gh-form__actions">
        <Button type="submit" variant="primary" busy={submit.submitting}>
          Save
        </Button>
      </div>
    </form>
  );
}
