import type { InvestigationStatus } from '../api/types.ts';
import { Badge } from '../ui/badge.tsx';
import type { BadgeTone } from '../ui/badge.tsx';

const STYLE: Record<InvestigationStatus, [BadgeTone, string]> = {
  pending: ['neutral', 'Pending'],
  running: ['info', 'Running'],
  completed: ['ok', 'Completed'],
  failed: ['danger', 'Failed'],
};

export function InvestigationStatusBadge({ status }: { status: InvestigationStatus }) {
  const [tone, label] = STYLE[status] ?? ['neutral', status];
  return (
    <Badge tone={tone} dot>
      {label}
    </Badge>
  );
}
