import { useState } from 'react';
import { errorMessage } from '../api/http';
import { useToast } from '../hooks/use-toast';
import { Button } from './Button';
import { Modal } from './Modal';

interface ConfirmProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * "Are you sure…?" with a destructive confirm button that cannot be pressed twice. A failed
 * `onConfirm` shows its error as a toast and leaves the dialog open.
 */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmProps) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      toast(errorMessage(error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={confirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{message}</p>
    </Modal>
  );
}
