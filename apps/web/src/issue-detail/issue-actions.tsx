import { useState } from 'react';
import { CheckCircle2, GitMerge, Link2, RotateCcw } from 'lucide-react';
import type { Issue, IssueUpdate } from '../api/types.ts';
import { useUpdateIssue } from '../api/use-update-issue.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { useToast } from '../ui/use-toast.ts';
import { AssignMenu } from './assign-menu.tsx';
import { ErrorClassMenu } from './error-class-menu.tsx';
import { IgnoreMenu } from './ignore-menu.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import { SeverityMenu } from './severity-menu.tsx';

const DONE: Record<string, string> = {
  resolved: 'Issue resolved',
  unresolved: 'Issue reopened',
  ignored: 'Issue ignored',
};

/** Resolve, ignore, assign, merge, severity and class; a viewer sees a read-only note instead. */
export function IssueActions({ issue, org, canMutate }: { issue: Issue; org: string; canMutate: boolean }) {
  const update = useUpdateIssue(issue.id, org);
  const toast = useToast();
  const [merging, setMerging] = useState(false);
  const apply = (patch: IssueUpdate) =>
    update.mutate(patch, {
      onSuccess: () => toast(patch.status ? (DONE[patch.status] ?? 'Saved') : 'Saved', 'ok'),
      onError: (error) => toast(error.message, 'danger'),
    });
  const copyLink = () => {
    void navigator.clipboard?.writeText(window.location.href).then(() => toast('Link copied', 'ok'));
  };
  const busy = update.isPending;
  return (
    <div role="toolbar" aria-label="Issue actions" className="flex flex-wrap items-center gap-2">
      {canMutate ? (
        <>
          {issue.status === 'unresolved' ? (
            <Button
              variant="primary"
              icon={<CheckCircle2 size={14} />}
              loading={busy}
              onClick={() => apply({ status: 'resolved' })}
            >
              Resolve
            </Button>
          ) : (
            <Button
              icon={<RotateCcw size={14} />}
              loading={busy}
              onClick={() => apply({ status: 'unresolved' })}
            >
              {issue.status === 'resolved' ? 'Unresolve' : 'Stop ignoring'}
            </Button>
          )}
          {issue.status !== 'ignored' && <IgnoreMenu onUpdate={apply} disabled={busy} />}
          <AssignMenu org={org} assignee={issue.assignedTo} onUpdate={apply} disabled={busy} />
          <SeverityMenu
            severity={issue.severity}
            overridden={Boolean(issue.severityOverride)}
            onUpdate={apply}
            disabled={busy}
          />
          <ErrorClassMenu
            errorClass={issue.errorClass}
            overridden={Boolean(issue.errorClassOverride)}
            onUpdate={apply}
            disabled={busy}
          />
          <Button icon={<GitMerge size={14} />} onClick={() => setMerging(true)}>
            Merge
          </Button>
          <MergeDialog issue={issue} org={org} open={merging} onClose={() => setMerging(false)} />
        </>
      ) : (
        <Badge title="Viewers can read but not change issues">Read-only</Badge>
      )}
      <Button
        variant="ghost"
        icon={<Link2 size={14} />}
        onClick={copyLink}
        aria-label="Copy link to this issue"
      >
        Copy link
      </Button>
    </div>
  );
}
