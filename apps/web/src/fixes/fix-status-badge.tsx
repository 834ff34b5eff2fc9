import type { FixStatus } from '../api/types.ts';
import { Badge } from '../ui/badge.tsx';
import type { BadgeTone } from '../ui/badge.tsx';

export const FIX_STATUS_STYLE: Record<FixStatus, { tone: BadgeTone; label: string }> = {
  pending: { tone: 'neutral', label: 'Pending' },
  reproducing: { tone: 'info', label: 'Reproducing' },
  generating: { tone: 'info', label: 'Generating' },
  verifying: { tone: 'info', label: 'Verifying' },
  committed: { tone: 'accent', label: 'Committed' },
  tests_passed: { tone: 'ok', label: 'Tests passed' },
  tests_failed: { tone: 'danger', label: 'Tests failed' },
  needs_review: { tone: 'caution', label: 'Needs review' },
  awaiting_approval: { tone: 'warn', label: 'Awaiting approval' },
  rejected: { tone: 'neutral', label: 'Rejected' },
  rolled_back: { tone: 'neutral', label: 'Rolled back' },
  failed: { tone: 'danger', label: 'Failed' },
};

export function FixStatusBadge({ status }: { status: FixStatus }) {
  const style = FIX_STATUS_STYLE[status] ?? { tone: 'neutral', label: status };
  return (
    <Badge tone={style.tone} dot>
      {style.label}
    </Badge>
  );
}
