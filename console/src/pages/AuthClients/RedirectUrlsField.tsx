import { Button, IconButton } from '../../components/Button';
import { FieldErrors } from '../../components/Field';

interface RedirectUrlsProps {
  value: string[];
  onChange(value: string[]): void;
  errors?: string[];
}

/** One or more redirect URLs; the first input is labelled exactly "Redirect URL" as in the seed. */
export function RedirectUrlsField({ value, onChange, errors }: RedirectUrlsProps) {
  const set = (index: number, url: string) => onChange(value.map((u, i) => (i === index ? url : u)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const invalid = Boolean(errors?.length);
  return (
    <div className={`gh-field gh-redirects${invalid ? ' gh-field--invalid' : ''}`}>
      {value.map((url, index) => {
        const id = `redirect-url-${index}`;
        return (
          <div key={index} className="gh-redirects__item">
            <label htmlFor={id} className={index === 0 ? undefined : 'gh-visually-hidden'}>
              {index === 0 ? 'Redirect URL' : `Redirect URL ${index + 1}`}
            </label>
            <div className="gh-redirects__row">
              <input
                id={id}
                type="url"
                inputMode="url"
                placeholder="https://app.example.com/callback"
                value={url}
                onChange={(e) => set(index, e.target.value)}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? 'redirect-url-errors' : 'redirect-url-hint'}
              />
              {value.length > 1 && <IconButton icon="trash" label={`Remove Redirect URL ${index + 1}`} onClick={() => remove(index)} />}
            </div>
          </div>
        );
      })}
      <p id="redirect-url-hint" className="gh-field__hint">
        Exact URLs Gatehouse may send users back to: https, or http on localhost; no #fragment.
      </p>
      <FieldErrors id="redirect-url-errors" errors={errors} />
      <div>
        <Button icon="plus" onClick={() => onChange([...value, ''])}>
          Add another Redirect URL
        </Button>
      </div>
    </div>
  );
}
