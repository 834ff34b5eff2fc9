import { useCallback, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { CheckCircle2, AlertTriangle, Info } from 'lucide-react';
import { ToastContext } from './toast-context.ts';
import type { Toast } from './toast-context.ts';

/** Short confirmations and errors for actions, announced to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((message: string, tone: Toast['tone'] = 'neutral') => {
    const id = nextId.current++;
    setToasts((current) => [...current.slice(-3), { id, tone, message }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 4500);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-4 z-[60] flex flex-col gap-2"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === 'danger' ? 'alert' : 'status'}
            className="pointer-events-auto flex max-w-sm items-center gap-2 rounded-lg border border-line bg-surface px-3.5 py-2.5 text-[13px] shadow-pop"
          >
            {toast.tone === 'ok' && <CheckCircle2 size={16} className="shrink-0 text-ok" />}
            {toast.tone === 'danger' && <AlertTriangle size={16} className="shrink-0 text-danger" />}
            {toast.tone === 'neutral' && <Info size={16} className="shrink-0 text-info" />}
            <span>{toast.message}</span>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
