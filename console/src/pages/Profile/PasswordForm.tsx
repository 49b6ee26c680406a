import { useCallback, useState, type FormEvent } from 'react';
import { profileApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage, TextField } from '../../components/Field';
import { useSession } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';

export const PASSWORD_CHANGED =
  'Your password was changed, so every sign-in with the old one has ended, this console included. Sign in again with your new password.';

/**
 * `PUT /me/password` for every user. A new password revokes all the user's tokens
 * (SECURITY.md), this console's included, so success ends the session with a message.
 */
export function PasswordForm() {
  const { endSession } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const save = useCallback(async () => {
    await profileApi.changePassword(current, next);
    endSession(PASSWORD_CHANGED);
  }, [current, next, endSession]);
  const submit = useSubmit(save);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(next !== confirm);
    if (next === confirm) void submit.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="gh-form gh-form--narrow">
      <p className="gh-field__hint">Changing your password signs you out everywhere; sign in again with the new one.</p>
      <FormMessage message={submit.message} />
      <TextField label="Current Password" type="password" value={current} onChange={setCurrent} errors={submit.errors.current_password} autoComplete="current-password" required />
      <TextField label="New Password" type="password" value={next} onChange={setNext} errors={submit.errors.password} autoComplete="new-password" hint="At least 8 characters." required />
      <TextField
        label="Confirm New Password"
        type="password"
        value={confirm}
        onChange={setConfirm}
        errors={mismatch ? ['The passwords do not match.'] : undefined}
        autoComplete="new-password"
        required
      />
      <div className="gh-form__actions">
        <Button type="submit" variant="primary" busy={submit.submitting}>
          Change Password
        </Button>
      </div>
    </form>
  );
}
