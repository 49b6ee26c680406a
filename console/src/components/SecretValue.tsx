import { useState } from 'react';
import { copyText } from '../lib/clipboard';
import { useToast } from '../hooks/use-toast';
import { Button } from './Button';

/**
 * A secret or token shown once: selectable monospace text, a copy button, and a warning
 * that it will not be shown again (when that is true).
 */
export function SecretValue({ label, value, copyLabel, once = true }: { label: string; value: string; copyLabel: string; once?: boolean }) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await copyText(value);
      setCopied(true);
      toast(`${label} copied to the clipboard.`);
    } catch {
      toast('The browser refused to copy; select the text and copy it instead.', 'error');
    }
  };
  return (
    <div className="gh-secret">
      <span className="gh-secret__label">{label}</span>
      <div className="gh-secret__row">
        <code className="gh-secret__value" tabIndex={0} aria-label={label}>
          {value}
        </code>
        <Button icon={copied ? 'check' : 'copy'} onClick={copy}>
          {copyLabel}
        </Button>
      </div>
      {once && <p className="gh-field__hint">Copy it now: it will not be shown again.</p>}
    </div>
  );
}
