import type { FormEvent, ReactNode } from 'react';
import type { Submit } from '../hooks/use-submit';
import { Button } from './Button';
import { FormMessage } from './Field';
import { Modal } from './Modal';

interface FormModalProps {
  title: string;
  onClose(): void;
  /** The guarded submission (no double submit); its errors and message are shown here. */
  submit: Submit<[]>;
  submitLabel?: string;
  size?: 'md' | 'lg';
  /** Leave the browser's own validation on (forms whose rules the server repeats anyway). */
  validate?: boolean;
  children: ReactNode;
}

/** A modal holding one form: the message that belongs to no field, the fields, Cancel and Save. */
export function FormModal({ title, onClose, submit, submitLabel = 'Save', size, validate = false, children }: FormModalProps) {
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <Modal title={title} onClose={onClose} size={size}>
      <form onSubmit={onSubmit} noValidate={!validate} className="gh-form">
        <FormMessage message={submit.message} />
        {children}
        <div className="gh-modal__footer gh-modal__footer--form">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={submit.submitting}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
