import { Bot, GitPullRequestArrow, ScrollText } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { useFix } from '../api/use-fixes.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { AuditTrail } from '../fixes/audit-trail.tsx';
import { CommitInfo } from '../fixes/commit-info.tsx';
import { DiffViewer } from '../fixes/diff-viewer.tsx';
import { FixApprovalBar } from '../fixes/fix-approval-bar.tsx';
import { FixRollbackBar } from '../fixes/fix-rollback-bar.tsx';
import { FixStatusBadge } from '../fixes/fix-status-badge.tsx';
import { GeneratedTestViewer } from '../fixes/generated-test-viewer.tsx';
import { VerificationLog } from '../fixes/verification-log.tsx';
import { Badge } from '../ui/badge.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

/** A fix, top to bottom: why, what changed, the test, the proof, where it landed, the decision. */
export function FixDetailPage() {
  const { fixId = '' } = useParams();
  const org = useOrganization();
  const fix = useFix(fixId);
  const base = `/organizations/${org.slug}`;
  if (fix.isPending) return <Skeleton className="m-6 h-96" />;
  if (fix.isError) return <ErrorState error={fix.error} onRetry={() => void fix.refetch()} />;
  if (!fix.data) {
    return (
      <EmptyState
        icon={<GitPullRequestArrow size={18} />}
        title="Fix not found"
        action={
          <Link to={`${base}/fixes`} className="text-accent-text hover:underline">
            All fixes
          </Link>
        }
      >
        This fix does not exist, or this server does not generate fixes yet.
      </EmptyState>
    );
  }
  const data = fix.data;
  return (
    <div className="mx-auto flex max-w-[1200px] flex-col gap-4 px-6 py-5">
      <header className="flex flex-col gap-2">
        <nav aria-label="Breadcrumb" className="text-xs text-muted">
          <Link to={`${base}/fixes`} className="hover:text-fg">
            Fixes
          </Link>{' '}
          / <span className="text-fg">{data.id}</span>
        </nav>
        <h1 className="text-lg font-semibold">{data.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-[13px]">
          <FixStatusBadge status={data.status} />
          <Badge>
            {data.source === 'ai' ? <Bot size={12} aria-hidden /> : <ScrollText size={12} aria-hidden />}
            {data.source === 'ai' ? 'AI fix' : 'Rule fix'}
          </Badge>
          <Link to={`${base}/issues/${data.issue.id}`} className="text-accent-text hover:underline">
            {data.issue.shortId} · {data.issue.title}
          </Link>
        </div>
      </header>
      {data.reason && (data.status === 'rejected' || data.status === 'rolled_back') && (
        <p role="note" aria-label="Decision" className="text-[13px] text-muted">
          {data.reason}
        </p>
      )}
      <FixApprovalBar fix={data} canDecide={org.can('mutate')} />
      <FixRollbackBar fix={data} canDecide={org.can('mutate')} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_300px]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card title="Explanation">
            <p className="text-[13px] leading-relaxed whitespace-pre-wrap">{data.explanation}</p>
          </Card>
          <Card title="Changes">
            <DiffViewer diff={data.diff} />
          </Card>
          <Card title="Generated test">
            {data.test ? (
              <GeneratedTestViewer test={data.test} />
            ) : (
              <p className="text-[13px] text-subtle">No test was generated.</p>
            )}
          </Card>
          <Card title="Verification">
            <VerificationLog steps={data.verification} />
          </Card>
        </div>
        <aside className="flex flex-col gap-4" aria-label="Fix sidebar">
          <Card title="Commit">
            <CommitInfo commit={data.commit} />
          </Card>
          <Card title="Audit trail">
            <AuditTrail entries={data.audit} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
