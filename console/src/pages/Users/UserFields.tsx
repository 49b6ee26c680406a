import { CheckboxField, SelectField, TextField } from '../../components/Field';
import type { UserForm } from './user-form';

interface UserFieldsProps {
  form: UserForm;
  onChange(form: UserForm): void;
  errors: Record<string, string[]>;
  creating: boolean;
}

export function UserFields({ form, onChange, errors, creating }: UserFieldsProps) {
  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) => onChange({ ...form, [key]: value });
  return (
    <div className="gh-grid-2">
      <TextField label="Username" value={form.username} onChange={(v) => set('username', v)} errors={errors.username} autoComplete="off" required autoFocus={creating} />
      <TextField label="Email" type="email" value={form.email} onChange={(v) => set('email', v)} errors={errors.email} autoComplete="off" required />
      <TextField label="First Name" value={form.firstname} onChange={(v) => set('firstname', v)} errors={errors.firstname} autoComplete="off" />
      <TextField label="Last Name" value={form.lastname} onChange={(v) => set('lastname', v)} errors={errors.lastname} autoComplete="off" />
      <TextField
        label={creating ? 'Password' : 'New Password'}
        type="password"
        value={form.password}
        onChange={(v) => set('password', v)}
        errors={errors.password}
        autoComplete="new-password"
        hint={creating ? 'At least 8 characters.' : 'Leave empty to keep the current password.'}
      />
      <SelectField
        label="Status"
        value={form.status}
        onChange={(v) => set('status', v as UserForm['status'])}
        errors={errors.status}
        options={[
          { value: 'ACTIVE', label: 'Active' },
          { value: 'INACTIVE', label: 'Inactive (cannot sign in; tokens revoked)' },
        ]}
      />
      <CheckboxField label="Administrator" hint="Administrators hold every permission." checked={form.is_administrator} onChange={(v) => set('is_administrator', v)} />
    </div>
  );
}
