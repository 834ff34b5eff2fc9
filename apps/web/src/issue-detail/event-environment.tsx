import { Globe, Monitor, Server, Smartphone } from 'lucide-react';
import type { ReactNode } from 'react';
import type { IssueEvent } from '../api/types.ts';

function describe(context: Record<string, unknown> | undefined): string | null {
  if (!context) return null;
  const name = context['name'] ?? context['family'] ?? context['model'];
  if (typeof name !== 'string') return null;
  const version = typeof context['version'] === 'string' ? ` ${context['version']}` : '';
  return `${name}${version}`;
}

/** OS, browser, runtime and device at a glance, Sentry-style. */
export function EventEnvironment({ event }: { event: IssueEvent }) {
  const contexts = event.contexts ?? {};
  const items: [string, string | null, ReactNode][] = [
    ['Browser', describe(contexts['browser']), <Globe key="b" size={15} />],
    ['OS', describe(contexts['os'] ?? contexts['client_os']), <Monitor key="o" size={15} />],
    ['Runtime', describe(contexts['runtime']), <Server key="r" size={15} />],
    ['Device', describe(contexts['device']), <Smartphone key="d" size={15} />],
  ];
  const shown = items.filter(([, value]) => value !== null);
  if (shown.length === 0) return <p className="text-[13px] text-subtle">No environment context was sent.</p>;
  return (
    <ul aria-label="Environment" className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {shown.map(([label, value, icon]) => (
        <li key={label} className="flex items-center gap-2.5 rounded-md border border-line px-3 py-2">
          <span aria-hidden className="text-subtle">
            {icon}
          </span>
          <div className="min-w-0">
            <span className="block text-[11px] text-subtle">{label}</span>
            <span className="block truncate text-[13px] font-medium">{value}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
