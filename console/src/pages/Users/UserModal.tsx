import { useCallback, useState } from 'react';
import { usersApi } from '../../api/users';
import { FormModal } from '../../components/FormModal';
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
  return (
    <FormModal title="Create User" onClose={onClose} submit={submit} size="lg">
      <UserFields form={form} onChange={setForm} errors={submit.errors} creating />
    </FormModal>
  );
}
