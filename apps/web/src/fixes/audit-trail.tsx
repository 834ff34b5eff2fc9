import type { FixAuditEntry } from '../api/types.ts';
import { RelativeTime } from '../ui/relative-time.tsx';

export function AuditTrail({ entries }: { entries: FixAuditEntry[] }) {
  if (entries.length === 0) return <p className="text-[13px] text-subtle">No audit entries yet.</p>;
  return (
    <ol aria-label="Audit trail" className="relative flex flex-col gap-3 border-l border-line pl-4">
      {entries.map((entry) => (
        <li key={entry.id} className="relative text-[13px]">
          <span
            aria-hidden
            className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-surface bg-line-strong"
          />
          <span className="font-medium">{entry.actor?.name ?? entry.actor?.email ?? 'Fixloop'}</span>{' '}
          <span className="text-muted">{entry.action.replace(/_/g, ' ')}</span>
          {entry.note && <p className="mt-0.5 text-xs text-subtle">{entry.note}</p>}
          <div className="text-xs text-subtle">
            <RelativeTime date={entry.dateCreated} />
          </div>
        </li>
      ))}
    </ol>
  );
}
