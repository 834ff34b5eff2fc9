import { forwardRef } from 'react';
import { MessageSquare } from 'lucide-react';
import { Link } from 'react-router';
import type { Issue } from '../api/types.ts';
import { formatCount } from '../format/format-count.ts';
import { Checkbox } from '../ui/checkbox.tsx';
import { classNames } from '../ui/class-names.ts';
import { RelativeTime } from '../ui/relative-time.tsx';
import { AssigneeAvatar } from './assignee-avatar.tsx';
import { IssueStatusBadge } from './issue-status-badge.tsx';
import { IssueTitle } from './issue-title.tsx';
import { SeverityBadge } from './severity-badge.tsx';
import { Sparkline } from './sparkline.tsx';

export interface IssueRowProps {
  issue: Issue;
  href: string;
  period: '24h' | '14d';
  active: boolean;
  selected: boolean;
  selectable: boolean;
  onToggle: () => void;
  onActivate: () => void;
}

export const IssueRow = forwardRef<HTMLTableRowElement, IssueRowProps>(function IssueRow(
  { issue, href, period, active, selected, selectable, onToggle, onActivate },
  ref,
) {
  return (
    <tr
      ref={ref}
      aria-selected={active}
      data-issue-id={issue.id}
      onMouseEnter={onActivate}
      className={classNames(
        'group border-b border-line last:border-b-0',
        active ? 'bg-hover' : selected ? 'bg-accent-soft/50' : 'hover:bg-hover/60',
      )}
    >
      <td className="w-9 py-2.5 pr-1 pl-4 align-top">
        {selectable && (
          <Checkbox checked={selected} onChange={onToggle} aria-label={`Select ${issue.shortId}`} />
        )}
      </td>
      <td className="min-w-0 py-2 pr-3">
        <Link
          to={href}
          className="block min-w-0 truncate text-[13px] leading-5 hover:underline focus-visible:underline"
        >
          <IssueTitle issue={issue} />
        </Link>
        <div className="mt-0.5 flex min-w-0 items-center gap-2 text-xs text-subtle">
          <span className="shrink-0 font-medium text-muted">{issue.shortId}</span>
          <span className="truncate font-mono text-[11.5px]">{issue.culprit}</span>
          {(issue.numComments ?? 0) > 0 && (
            <span
              className="inline-flex shrink-0 items-center gap-0.5"
              title={`${issue.numComments} comments`}
            >
              <MessageSquare size={11} aria-hidden /> {issue.numComments}
            </span>
          )}
        </div>
      </td>
      <td className="w-24 py-2 align-middle">
        <SeverityBadge severity={issue.severity} />
      </td>
      <td className="w-24 py-2 align-middle text-xs text-muted capitalize">{issue.errorClass}</td>
      <td className="hidden w-24 py-2 align-middle xl:table-cell">
        <Sparkline series={issue.stats?.[period]} period={period} />
      </td>
      <td className="w-16 py-2 text-right align-middle tabular-nums">{formatCount(issue.count)}</td>
      <td className="w-16 py-2 text-right align-middle tabular-nums">{formatCount(issue.userCount)}</td>
      <td className="w-32 py-2 pl-4 align-middle">
        <span className="inline-flex items-center gap-2">
          <IssueStatusBadge issue={issue} />
          <AssigneeAvatar assignee={issue.assignedTo} />
        </span>
      </td>
      <td className="w-28 py-2 pr-4 text-right align-middle text-xs whitespace-nowrap text-muted">
        <RelativeTime date={issue.lastSeen} />
      </td>
    </tr>
  );
});
