import { useEffect, useId, useRef, type ReactNode } from 'react';
import { IconButton } from './Button';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'md' | 'lg';
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]';

/** The body's first control, else the footer's first button (Cancel in a confirmation). */
function firstControl(dialog: HTMLDialogElement): HTMLElement | null {
  return dialog.querySelector<HTMLElement>(`.gh-modal__body :is(${FOCUSABLE})`) ?? dialog.querySelector<HTMLElement>(`.gh-modal__footer :is(${FOCUSABLE})`);
}

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes, the page behind
 * is inert. Focus starts on the first control and returns to whatever opened it.
 */
export function Modal({ title, onClose, children, footer, size = 'md' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    firstControl(dialog)?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog ref={ref} className={`gh-modal gh-modal--${size}`} aria-labelledby={titleId}>
      <div className="gh-modal__header">
        <h2 id={titleId}>{title}</h2>
        <IconButton icon="close" label="Close" onClick={onClose} />
      </div>
      <div className="gh-modal__body">{children}</div>
      {footer && <div className="gh-modal__footer">{footer}</div>}
    </dialog>
  );
}
