import { Microscope } from 'lucide-react';
import { Link } from 'react-router';
import { useIssueInvestigations, useStartInvestigation } from '../api/use-investigations.ts';
import { InvestigationStatusBadge } from '../investigations/investigation-status-badge.tsx';
import { Button } from '../ui/button.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useToast } from '../ui/use-toast.ts';

/** The latest investigation of the issue, summarized, with a link to the full report and a re-run. */
export function IssueInvestigationCard({
  issueId,
  org,
  canStart,
}: {
  issueId: string;
  org: string;
  canStart: boolean;
}) {
  const investigations = useIssueInvestigations(issueId);
  const start = useStartInvestigation(issueId);
  const toast = useToast();
  if (investigations.isPending) return <Skeleton className="h-12 w-full" />;
  const latest = investigations.data?.[0];
  const working = latest?.status === 'pending' || latest?.status === 'running';
  const run = () =>
    start.mutate(latest !== undefined, {
      onSuccess: () => toast('Investigation started', 'ok'),
      onError: (error) => toast(error.message, 'danger'),
    });
  const button = canStart && !working && (
    <Button size="sm" loading={start.isPending} onClick={run} className="self-start">
      {latest ? 'Investigate again' : 'Investigate now'}
    </Button>
  );
  if (!latest) {
    return (
      <div className="flex flex-col gap-2.5">
        <p className="flex items-start gap-2 text-[13px] text-subtle">
          <Microscope size={15} aria-hidden className="mt-0.5 shrink-0" />
          No investigation yet. It reads the stack trace against the repository: culprit line, suspect
          commits, related code, similar issues, runbooks.
        </p>
        {button}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <InvestigationStatusBadge status={latest.status} />
        <Link
          to={`/organizations/${org}/investigations/${latest.id}`}
          className="text-xs text-accent-text hover:underline"
        >
          Full report
        </Link>
      </div>
      <p className="line-clamp-4 text-[13px]">{latest.summary}</p>
      {latest.error && <p className="text-xs text-danger">{latest.error}</p>}
      {button}
    </div>
  );
}
