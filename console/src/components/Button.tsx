import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  icon?: IconName;
  busy?: boolean;
  children?: ReactNode;
}

export function Button({ variant = 'secondary', icon, busy, children, className, type = 'button', disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={['gh-button', `gh-button--${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {icon && <Icon name={icon} />}
      {children}
    </button>
  );
}

/** An icon-only button: the label is its accessible name and its tooltip. */
export function IconButton({ icon, label, ...rest }: Omit<ButtonProps, 'children'> & { icon: IconName; label: string }) {
  return (
    <Button variant="ghost" className="gh-icon-button" aria-label={label} title={label} {...rest}>
      <Icon name={icon} />
    </Button>
  );
}
