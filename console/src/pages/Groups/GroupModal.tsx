import { useCallback, useState, type FormEvent } from 'react';
import { groupsApi } from '../../api/groups';
import type { Group } from '../../api/types';
import { Button } from '../../components/Button';
import { FormMessage, TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

/** Create Group / Edit Group: a name and a description. */
export function GroupModal({ group, onClose, onSaved }: { group?: Group; onClose(): void; onSaved(group: Group): void }) {
  const toast = useToast();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const save = useCallback(async () => {
    const input = { name: name.trim(), description: description.trim() };
    const saved = group ? await groupsApi.update(group.id, input) : await groupsApi.create(input);
    toast(`Group ${saved.name} ${group ? 'saved' : 'created'}.`);
    onSaved(saved);
    onClose();
  }, [description, group, name, onClose, onSaved, toast]);
  const submit = useSubmit(save);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <Modal title={group ? 'Edit Group' : 'Create Group'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="gh-form">
        <FormMessage message={submit.message} />
        <TextField label="Name" value={name} onChange={setName} errors={submit.errors.name} autoFocus autoComplete="off" />
        <TextField label="Description" value={description} onChange={setDescription} errors={submit.errors.description} autoComplete="off" />
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
