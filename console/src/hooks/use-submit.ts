import { useCallback, useRef, useState } from 'react';
import { ApiRequestError, errorMessage } from '../api/http';

export interface Submit<A extends unknown[]> {
  run(...args: A): Promise<void>;
  submitting: boolean;
  /** Server validation messages by field (422), shown under each control. */
  errors: Record<string, string[]>;
  /** A message that belongs to no field. */
  message: string | null;
  reset(): void;
}

/** Wraps a form action: one submission at a time, field errors from 422, other errors as a message. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<void>): Submit<A> {
  const busy = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  const run = useCallback(
    async (...args: A) => {
      if (busy.current) return;
      busy.current = true;
      setSubmitting(true);
      setErrors({});
      setMessage(null);
      try {
        await action(...args);
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 422) {
          setErrors(groupFieldErrors(error.errors));
          setMessage(Object.keys(error.errors).length ? null : error.message);
        } else {
          setMessage(errorMessage(error));
        }
      } finally {
        busy.current = false;
        setSubmitting(false);
      }
    },
    [action],
  );
  const reset = useCallback(() => {
    setErrors({});
    setMessage(null);
  }, []);
  return { run, submitting, errors, message, reset };
}

/** `redirect.0` and `redirect` both belong under the Redirect control. */
export function groupFieldErrors(errors: Record<string, string[]>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    const key = field.split('.')[0];
    grouped[key] = [...(grouped[key] ?? []), ...messages];
  }
  return grouped;
}
