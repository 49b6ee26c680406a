import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/** Server messages for one control, tied to it with aria-describedby. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="gh-field__errors" role="alert">
      {errors.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  errors?: string[];
  hint?: ReactNode;
}

export function TextField({ label, value, onChange, errors, hint, id, ...rest }: TextFieldProps) {
  const fallback = useId();
  const inputId = id ?? fallback;
  const describedBy = [errors?.length ? `${inputId}-errors` : '', hint ? `${inputId}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={`gh-field${errors?.length ? ' gh-field--invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...rest}
      />
      {hint && (
        <p id={`${inputId}-hint`} className="gh-field__hint">
          {hint}
        </p>
      )}
      <FieldErrors id={`${inputId}-errors`} errors={errors} />
    </div>
  );
}

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  disabled?: boolean;
}

export function CheckboxField({ label, checked, onChange, hint, disabled }: CheckboxProps) {
  const id = useId();
  return (
    <div className="gh-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="gh-field__hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  errors?: string[];
}

export function SelectField({ label, value, onChange, options, errors, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`gh-field${errors?.length ? ' gh-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={errors?.length ? `${id}-errors` : undefined} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** A form-level message that belongs to no single field. */
export function FormMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="gh-alert gh-alert--error" role="alert">
      {message}
    </div>
  );
}
