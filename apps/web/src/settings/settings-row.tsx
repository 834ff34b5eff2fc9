import type { ReactNode } from 'react';

/** A label and explanation on the left, the control on the right. */
export function SettingsRow({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 border-b border-line py-3.5 last:border-b-0">
      <div className="max-w-lg min-w-0">
        <h3 className="text-[13px] font-medium">{title}</h3>
        {description && <p className="mt-0.5 text-xs text-muted">{description}</p>}
      </div>
      <div className="flex items-center gap-2">{children}</div>
    </div>
  );
}
