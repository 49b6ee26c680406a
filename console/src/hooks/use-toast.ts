import { createContext, useContext } from 'react';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export const ToastContext = createContext<(message: string, kind?: ToastKind) => void>(() => undefined);

/** `toast('Auth client saved.')` shows a message in the page's live region. */
export function useToast() {
  return useContext(ToastContext);
}
