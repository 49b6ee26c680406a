import { useCallback, useState, type FormEvent } from 'react';
import { usersApi } from '../../api/users';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';
import { emptyUserForm, userInputFrom } from './user-form';
import { UserFields } from './UserFields';

/** Create User. Editing happens on the user's own page. */
export function UserModal({ onClose, onSaved }: { onClose(): void; onSaved(id: number): void }) {
  const toast = useToast();
  const [form, setForm] = useState(emptyUserForm);
  const save = useCallback(async () => {
    const user = await usersApi.create(userInputFrom(form));
    toast(`User ${user.username} created.`);
    onSaved(user.id);
  }, [form, onSaved, toast]);
  const submit = useSubmit(save);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <Modal title="Create User" onClose={onClose} size="lg">
      <form onSubmit={onSubmit} noValidate className="gh-form">
        <FormMessage message={submit.message} />
        <UserFields form={form} onChange={setForm} errors={submit.errors} creating />
        <div className="gh-modal__footer gh-modal__footer--form">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={submit.submitting}>
            Save
          </Button>
        </div>
      </form>
    </Modal>
  );
}
