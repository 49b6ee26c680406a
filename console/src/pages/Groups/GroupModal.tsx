import { useCallback, useState } from 'react';
import { groupsApi } from '../../api/groups';
import type { Group } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';

/** Create Group / Edit Group: a name and a description. */
export function GroupModal({ group, onClose, onSaved }: { group?: Group; onClose(): void; onSaved(group: Group): void }) {
  const toast = useToast();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [status, setStatus] = useState<Group['status']>(group?.status ?? 'ACTIVE');
  const save = useCallback(async () => {
    const input = { name: name.trim(), description: description.trim(), status };
    const saved = group ? await groupsApi.update(group.id, input) : await groupsApi.create(input);
    toast(`Group ${saved.name} ${group ? 'saved' : 'created'}.`);
    onSaved(saved);
    onClose();
  }, [description, group, name, onClose, onSaved, status, toast]);
  const submit = useSubmit(save);
  return (
    <FormModal title={group ? 'Edit Group' : 'Create Group'} onClose={onClose} submit={submit}>
      <TextField label="Name" value={name} onChange={setName} errors={submit.errors.name} autoFocus autoComplete="off" />
      <TextField label="Description" value={description} onChange={setDescription} errors={submit.errors.description} autoComplete="off" />
      <SelectField
        label="Status"
        value={status}
        onChange={(v) => setStatus(v as Group['status'])}
        errors={submit.errors.status}
        options={[
          { value: 'ACTIVE', label: 'Active' },
          { value: 'INACTIVE', label: 'Inactive (grants nothing to its members)' },
        ]}
      />
    </FormModal>
  );
}
