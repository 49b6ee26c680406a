import { useCallback, useState, type FormEvent } from 'react';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage, TextField } from '../../components/Field';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

/** Changing the password needs the current one; the server then revokes other sessions' tokens. */
export function PasswordForm() {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const save = useCallback(async () => {
    await usersApi.changePassword({ current_password: current, password: next, password_confirmation: confirm });
    setCurrent('');
    setNext('');
    setConfirm('');
    toast('Your password was changed.');
  }, [confirm, current, next, toast]);
  const submit = useSubmit(save);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(next !== confirm);
    if (next === confirm) void submit.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="gh-form gh-form--narrow">
      <FormMessage message={submit.message} />
      <TextField label="Current Password" type="password" value={current} onChange={setCurrent} errors={submit.errors.current_password} autoComplete="current-password" />
      <TextField label="New Password" type="password" value={next} onChange={setNext} errors={submit.errors.password} autoComplete="new-password" />
      <TextField
        label="Confirm New Password"
        type="password"
        value={confirm}
        onChange={setConfirm}
        errors={mismatch ? ['The passwords do not match.'] : submit.errors.password_confirmation}
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
