import { CheckboxField, FieldErrors, TextField } from '../../components/Field';
import { PermissionPicker } from '../../components/PermissionPicker';
import { GRANT_OPTIONS, toggleType, type AuthClientForm } from './auth-client-form';
import { RedirectUrlsField } from './RedirectUrlsField';

interface FieldsProps {
  form: AuthClientForm;
  onChange(form: AuthClientForm): void;
  errors: Record<string, string[]>;
  /** A client's type is fixed once created. */
  editing?: boolean;
}

/** The controls of the Create Auth-Client / Edit Auth Client modal, labelled as in the seed. */
export function AuthClientFields({ form, onChange, errors, editing }: FieldsProps) {
  const set = <K extends keyof AuthClientForm>(key: K, value: AuthClientForm[K]) => onChange({ ...form, [key]: value });
  const has = (type: string) => form.types.includes(type as AuthClientForm['types'][number]);
  return (
    <>
      <TextField label="Name" value={form.name} onChange={(v) => set('name', v)} errors={errors.name} required maxLength={255} autoFocus autoComplete="off" />

      <fieldset className="gh-fieldset" aria-describedby={errors.types?.length ? 'types-errors' : undefined}>
        <legend>Grant types</legend>
        {GRANT_OPTIONS.map((grant) => (
          <div key={grant.type}>
            <CheckboxField label={grant.label} hint={grant.hint} checked={has(grant.type)} onChange={(on) => set('types', toggleType(form.types, grant.type, on))} />
            {grant.type === 'authorization_code_grant' && has(grant.type) && (
              <div className="gh-nested">
                <RedirectUrlsField value={form.redirect} onChange={(v) => set('redirect', v)} errors={errors.redirect} />
              </div>
            )}
          </div>
        ))}
        <FieldErrors id="types-errors" errors={errors.types} />
      </fieldset>

      <fieldset className="gh-fieldset" disabled={editing} aria-describedby={editing ? 'client-type-hint' : undefined}>
        <legend>Client type</legend>
        {editing && (
          <p id="client-type-hint" className="gh-field__hint">
            Fixed when the client was created.
          </p>
        )}
        <label className="gh-check">
          <input type="radio" name="client-type" checked={form.confidential} onChange={() => set('confidential', true)} />
          <span>
            Confidential <span className="gh-muted">— a server-side app that can keep a client secret</span>
          </span>
        </label>
        <label className="gh-check">
          <input type="radio" name="client-type" checked={!form.confidential} onChange={() => set('confidential', false)} />
          <span>
            Public <span className="gh-muted">— a browser or mobile app: no secret, PKCE required</span>
          </span>
        </label>
        <FieldErrors id="confidential-errors" errors={errors.confidential} />
      </fieldset>

      {has('client_credentials_grant') && (
        <PermissionPicker
          legend="Client permissions"
          hint="What the client itself may do with tokens from the client credentials grant."
          value={form.permissions}
          onChange={(v) => set('permissions', v)}
          errors={errors.permissions}
        />
      )}
    </>
  );
}
