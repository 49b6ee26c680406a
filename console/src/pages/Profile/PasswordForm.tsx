import { useCallback, useState, type FormEvent } from 'react';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage, TextField } from '../../components/Field';
import { useSession } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';

/**
 * A new password revokes every token of the user (SECURITY.md), this console's included,
 * so a successful change signs out and the user signs in again with the new password.
 */
export function PasswordForm() {
  const { me, can, signOut } = useSession();
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const save = useCallback(async () => {
    await usersApi.update(me.id, { password: next });
    signOut();
  }, [me.id, next, signOut]);
  const submit = useSubmit(save);
  if (!can('edit-users')) return <p className="gh-field__hint">Ask an administrator to set a new password for you.</p>;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(next !== confirm);
    if (next === confirm) void submit.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="gh-form gh-form--narrow">
      <p className="gh-field__hint">Changing your password signs you out everywhere; sign in again with the new one.</p>
      <FormMessage message={submit.message} />
      <TextField label="New Password" type="password" value={next} onChange={setNext} errors={submit.errors.password} autoComplete="new-password" hint="At least 8 characters." />
      <TextField
        label="Confirm New Password"
        type="password"
        value={confirm}
        onChange={setConfirm}
        errors={mismatch ? ['The passwords do not match.'] : undefined}
        autoComplete="new-password"
      />
      <div className="gh-form__actions">
        <Button type="submit" variant="primary" busy={submit.submitting}>
          Change Password
        </Button>
      </div>
    </form>
  );
}
