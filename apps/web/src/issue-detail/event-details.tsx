import { useMemo } from 'react';
import type { ExceptionValueJson, IssueEvent, RequestJson } from '../api/types.ts';
import { useTimeline } from '../api/use-timeline.ts';
import { breadcrumbEntries } from '../timeline/breadcrumb-entries.ts';
import { EventTimeline } from '../timeline/event-timeline.tsx';
import { pairNetworkEntries } from '../timeline/pair-network-entries.ts';
import { Card } from '../ui/card.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EventEnvironment } from './event-environment.tsx';
import { EventRequest } from './event-request.tsx';
import { EventTags } from './event-tags.tsx';
import { EventUser } from './event-user.tsx';
import { ExceptionView } from './exception-view.tsx';

/** Everything about one event: exception, timeline, environment, request, user and tags. */
export function EventDetails({
  event,
  org,
  projectSlug,
}: {
  event: IssueEvent;
  org: string;
  projectSlug: string;
}) {
  const timeline = useTimeline(org, projectSlug, event.eventID);
  const items = useMemo(
    () =>
      pairNetworkEntries(
        timeline.data && timeline.data.entries.length > 0 ? timeline.data.entries : breadcrumbEntries(event),
      ),
    [timeline.data, event],
  );
  const exceptions =
    (event.entries.find((e) => e.type === 'exception')?.data as { values?: ExceptionValueJson[] } | undefined)
      ?.values ?? [];
  const request = event.entries.find((e) => e.type === 'request')?.data as RequestJson | undefined;
  const message = event.entries.find((e) => e.type === 'message')?.data as
    { formatted?: string; message?: string } | undefined;
  return (
    <div className="flex flex-col gap-4">
      <Card title="Exception" id="exception">
        {exceptions.length === 0 ? (
          <p className="text-[13px] whitespace-pre-wrap">
            {message?.formatted ?? message?.message ?? event.message ?? event.title}
          </p>
        ) : (
          <div className="flex flex-col gap-6">
            {[...exceptions].reverse().map((exception, index) => (
              <ExceptionView key={index} exception={exception} platform={event.platform} />
            ))}
          </div>
        )}
      </Card>
      <Card title="Timeline" id="timeline">
        {timeline.isPending && timeline.fetchStatus !== 'idle' ? (
          <Skeleton className="h-40 w-full" />
        ) : (
          <EventTimeline items={items} />
        )}
      </Card>
      <Card title="Environment" id="environment">
        <EventEnvironment event={event} />
      </Card>
      {request && (
        <Card title="Request" id="request">
          <EventRequest request={request} />
        </Card>
      )}
      <Card title="User" id="user">
        <EventUser user={event.user} />
      </Card>
      <Card title="Tags" id="tags">
        <EventTags tags={event.tags} />
      </Card>
    </div>
  );
}
