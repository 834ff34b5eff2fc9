import type { IssueTag } from '../api/types.ts';
import { Skeleton } from '../ui/skeleton.tsx';

/** Per tag, the top values as share bars (Sentry's tag distribution). */
export function TagDistribution({ tags, loading }: { tags: IssueTag[] | undefined; loading: boolean }) {
  if (loading) return <Skeleton className="h-24 w-full" />;
  if (!tags || tags.length === 0) return <p className="text-[13px] text-subtle">No tags recorded yet.</p>;
  return (
    <div className="flex flex-col gap-3.5">
      {tags.slice(0, 10).map((tag) => {
        const total = tag.totalValues || tag.topValues.reduce((sum, v) => sum + v.count, 0) || 1;
        return (
          <div key={tag.key}>
            <h4 className="mb-1 text-xs font-medium text-muted">{tag.name ?? tag.key}</h4>
            <ul className="flex flex-col gap-1">
              {tag.topValues.slice(0, 4).map((value) => {
                const share = Math.round((value.count / total) * 100);
                return (
                  <li
                    key={value.value}
                    className="relative overflow-hidden rounded bg-raised text-xs"
                    title={`${value.count} events`}
                  >
                    <span
                      aria-hidden
                      className="absolute inset-y-0 left-0 bg-accent/15"
                      style={{ width: `${share}%` }}
                    />
                    <span className="relative flex justify-between gap-2 px-2 py-1">
                      <span className="truncate font-mono">{value.name ?? value.value}</span>
                      <span className="shrink-0 text-muted tabular-nums">{share}%</span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
