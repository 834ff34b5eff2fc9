import { useContext } from 'react';
import { ToastContext } from './toast-context.ts';
import type { ShowToast } from './toast-context.ts';

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
