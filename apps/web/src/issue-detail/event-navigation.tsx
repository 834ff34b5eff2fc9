import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { Link, useLocation } from 'react-router';
import type { IssueEvent } from '../api/types.ts';
import { useIssueEvents } from '../api/use-issue-events.ts';
import { classNames } from '../ui/class-names.ts';
import { RelativeTime } from '../ui/relative-time.tsx';

/** Neighbours from the event itself (Sentry's previousEventID/nextEventID), else from the event list. */
function useNeighbours(issueId: string, event: IssueEvent) {
  const known = event.previousEventID !== undefined || event.nextEventID !== undefined;
  const list = useIssueEvents(issueId, !known);
  if (known) return { older: event.previousEventID ?? null, newer: event.nextEventID ?? null };
  const ids = (list.data ?? []).map((e) => e.eventID ?? e.id);
  const index = ids.indexOf(event.eventID);
  if (index < 0) return { older: null, newer: null };
  return { older: ids[index + 1] ?? null, newer: ids[index - 1] ?? null };
}

export function EventNavigation({
  base,
  issueId,
  event,
}: {
  base: string;
  issueId: string;
  event: IssueEvent;
}) {
  const { search } = useLocation();
  const { older, newer } = useNeighbours(issueId, event);
  const link = (target: string | null, label: string, icon: React.ReactNode) => {
    const classes =
      'inline-flex size-7 items-center justify-center rounded-md border border-line-strong bg-surface';
    if (!target) {
      return (
        <span
          role="link"
          aria-disabled="true"
          aria-label={label}
          title={label}
          className={classNames(classes, 'text-subtle opacity-50')}
        >
          {icon}
        </span>
      );
    }
    return (
      <Link
        to={`${base}/events/${target}${search}`}
        aria-label={label}
        title={label}
        className={classNames(classes, 'text-muted hover:bg-hover hover:text-fg')}
      >
        {icon}
      </Link>
    );
  };
  return (
    <nav aria-label="Events" className="flex items-center gap-3">
      <div className="min-w-0 text-[13px]">
        <span className="text-muted">Event </span>
        <Link
          to={`${base}/events/${event.eventID}${search}`}
          className="font-mono text-[12.5px] font-medium hover:underline"
        >
          {event.eventID.slice(0, 12)}
        </Link>
        <span className="text-subtle"> · </span>
        <RelativeTime date={event.dateCreated} className="text-muted" />
      </div>
      <div className="flex items-center gap-1">
        {link(older ? 'oldest' : null, 'Oldest event', <ChevronsLeft size={14} />)}
        {link(older, 'Older event', <ChevronLeft size={14} />)}
        {link(newer, 'Newer event', <ChevronRight size={14} />)}
        {link(newer ? 'latest' : null, 'Latest event', <ChevronsRight size={14} />)}
      </div>
    </nav>
  );
}
