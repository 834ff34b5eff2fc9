import { ChevronLeft } from 'lucide-react';
import { Link, useLocation } from 'react-router';
import type { Issue } from '../api/types.ts';
import { formatCount } from '../format/format-count.ts';
import { IssueStatusBadge } from '../issues/issue-status-badge.tsx';
import { IssueTitle } from '../issues/issue-title.tsx';
import { SeverityBadge } from '../issues/severity-badge.tsx';
import { Badge } from '../ui/badge.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';

function releaseOf(release: Issue['firstRelease']): string | null {
  if (!release) return null;
  return typeof release === 'string' ? release : release.version;
}

/** Title, culprit, badges and the counts; the back link returns to the list as it was left. */
export function IssueHeader({ issue, org }: { issue: Issue; org: string }) {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? `/organizations/${org}/issues`;
  const firstRelease = releaseOf(issue.firstRelease);
  const stats: [string, React.ReactNode][] = [
    ['Events', formatCount(issue.count)],
    ['Users', formatCount(issue.userCount)],
    ['First seen', <RelativeTime key="f" date={issue.firstSeen} />],
    ['Last seen', <RelativeTime key="l" date={issue.lastSeen} />],
  ];
  return (
    <header className="flex flex-col gap-3">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-xs text-muted">
        <Link to={from} className="inline-flex items-center gap-0.5 hover:text-fg">
          <ChevronLeft size={13} aria-hidden /> Issues
        </Link>
        <span aria-hidden>/</span>
        <span className="font-medium text-fg">{issue.shortId}</span>
        <span aria-hidden>·</span>
        <span>{issue.project.name ?? issue.project.slug}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="text-lg leading-snug break-words">
            <IssueTitle issue={issue} />
          </h1>
          <p className="mt-1 truncate font-mono text-[12.5px] text-muted">{issue.culprit}</p>
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            <SeverityBadge severity={issue.severity} />
            <IssueStatusBadge issue={issue} />
            <Badge>{issue.errorClass}</Badge>
            <Badge>{issue.level}</Badge>
            {firstRelease && <Badge title="First release">{firstRelease}</Badge>}
          </div>
        </div>
        <dl className="flex gap-6">
          {stats.map(([label, value]) => (
            <div key={label} className="text-right">
              <dt className="text-[11px] font-medium tracking-wide text-subtle uppercase">{label}</dt>
              <dd className="mt-0.5 text-base font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </header>
  );
}
