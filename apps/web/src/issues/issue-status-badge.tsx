import type { Issue } from '../api/types.ts';
import { Badge } from '../ui/badge.tsx';

/** Unresolved issues show why (new, regressed); ignored ones show until when. */
export function IssueStatusBadge({
  issue,
}: {
  issue: Pick<Issue, 'status' | 'substatus' | 'statusDetails'>;
}) {
  if (issue.status === 'resolved') return <Badge tone="ok">Resolved</Badge>;
  if (issue.status === 'ignored') {
    const { ignoreCount, ignoreUntil } = issue.statusDetails ?? {};
    const detail = ignoreCount
      ? ` · ${ignoreCount} more`
      : ignoreUntil
        ? ` · until ${new Date(ignoreUntil).toLocaleDateString()}`
        : '';
    return <Badge tone="neutral">Ignored{detail}</Badge>;
  }
  if (issue.substatus === 'regressed') return <Badge tone="danger">Regressed</Badge>;
  if (issue.substatus === 'new') return <Badge tone="accent">New</Badge>;
  return <Badge tone="neutral">Unresolved</Badge>;
}
