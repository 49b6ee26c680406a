import { useId } from 'react';
import { PERMISSION_GROUPS } from '../lib/permissions';
import { FieldErrors } from './Field';

interface PermissionPickerProps {
  legend: string;
  value: string[];
  onChange(value: string[]): void;
  hint?: string;
  errors?: string[];
  disabled?: boolean;
}

/** Permissions as checkboxes grouped by area, with "all in this area" on each group. */
export function PermissionPicker({ legend, value, onChange, hint, errors, disabled }: PermissionPickerProps) {
  const id = useId();
  const toggle = (name: string, on: boolean) => onChange(on ? [...new Set([...value, name])] : value.filter((p) => p !== name));
  return (
    <fieldset className="gh-fieldset gh-permissions" aria-describedby={hint ? `${id}-hint` : undefined} disabled={disabled}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="gh-field__hint">
          {hint}
        </p>
      )}
      <div className="gh-permissions__groups">
        {PERMISSION_GROUPS.map(({ group, permissions }) => (
          <div key={group} className="gh-permissions__group">
            <h3>{group}</h3>
            {permissions.map((p) => (
              <label key={p.name} className="gh-check gh-check--inline">
                <input type="checkbox" checked={value.includes(p.name)} onChange={(e) => toggle(p.name, e.target.checked)} />
                <span>{p.title}</span>
              </label>
            ))}
          </div>
        ))}
      </div>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </fieldset>
  );
}
