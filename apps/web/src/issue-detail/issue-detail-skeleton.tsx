import { Skeleton } from '../ui/skeleton.tsx';

export function IssueDetailSkeleton() {
  return (
    <div
      className="mx-auto flex max-w-[1400px] flex-col gap-4 px-6 py-5"
      aria-busy="true"
      aria-label="Loading issue"
    >
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-7 w-2/3" />
      <Skeleton className="h-4 w-1/3" />
      <Skeleton className="mt-4 h-96 w-full" />
    </div>
  );
}
