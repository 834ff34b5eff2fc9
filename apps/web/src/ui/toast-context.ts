import { createContext } from 'react';

export interface Toast {
  id: number;
  tone: 'ok' | 'danger' | 'neutral';
  message: string;
}

export type ShowToast = (message: string, tone?: Toast['tone']) => void;

export const ToastContext = createContext<ShowToast>(() => undefined);
