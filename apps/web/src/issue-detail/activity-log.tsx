import { useActivities } from '../api/use-activities.ts';
import { RelativeTime } from '../ui/relative-time.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { describeActivity } from './describe-activity.ts';

export function ActivityLog({ issueId }: { issueId: string }) {
  const activities = useActivities(issueId);
  if (activities.isPending) return <Skeleton className="h-16 w-full" />;
  const list = activities.data ?? [];
  if (list.length === 0) return <p className="text-[13px] text-subtle">No activity yet.</p>;
  return (
    <ol aria-label="Activity" className="relative flex flex-col gap-3 border-l border-line pl-4">
      {list.map((activity) => (
        <li key={activity.id} className="relative text-[13px]">
          <span
            aria-hidden
            className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-surface bg-line-strong"
          />
          <span className="font-medium">{activity.user?.name ?? activity.user?.email ?? 'Fixloop'}</span>{' '}
          <span className="text-muted">{describeActivity(activity)}</span>
          {activity.type === 'note' && typeof activity.data['text'] === 'string' && (
            <p className="mt-0.5 line-clamp-2 text-xs text-subtle">“{activity.data['text']}”</p>
          )}
          <div className="text-xs text-subtle">
            <RelativeTime date={activity.dateCreated} />
          </div>
        </li>
      ))}
    </ol>
  );
}
