import { useState } from 'react';
import type { Issue } from '../api/types.ts';
import { useBulkUpdateIssues } from '../api/use-bulk-update-issues.ts';
import { useIssues } from '../api/use-issues.ts';
import { IssueTitle } from '../issues/issue-title.tsx';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useToast } from '../ui/use-toast.ts';

/** Pick issues of the same project to fold into this one (Sentry's bulk PUT with `merge: 1`). */
export function MergeDialog({
  issue,
  org,
  open,
  onClose,
}: {
  issue: Issue;
  org: string;
  open: boolean;
  onClose: () => void;
}) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toast = useToast();
  const merge = useBulkUpdateIssues(org);
  const candidates = useIssues(open ? org : '', {
    query: search ? `is:unresolved ${search}` : 'is:unresolved',
    sort: 'date',
    statsPeriod: '24h',
    project: String(issue.project.id),
    cursor: '',
  });
  const others = (candidates.data?.issues ?? []).filter((candidate: Issue) => candidate.id !== issue.id);
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = () =>
    merge.mutate(
      { ids: [issue.id, ...picked], update: { merge: 1 } },
      {
        onSuccess: () => {
          toast(
            `Merged ${picked.size} ${picked.size === 1 ? 'issue' : 'issues'} into ${issue.shortId}`,
            'ok',
          );
          setPicked(new Set());
          onClose();
        },
        onError: (error) => toast(error.message, 'danger'),
      },
    );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Merge into ${issue.shortId}`}
      description="Events of the merged issues move here; their fingerprints group here from now on."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={picked.size === 0} loading={merge.isPending} onClick={submit}>
            Merge {picked.size > 0 ? picked.size : ''}
          </Button>
        </>
      }
    >
      <TextField
        label="Find issues"
        hideLabel
        placeholder="Search this project’s unresolved issues"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ul
        className="mt-3 max-h-72 overflow-y-auto rounded-md border border-line"
        aria-label="Issues to merge"
      >
        {others.length === 0 && (
          <li className="px-3 py-6 text-center text-[13px] text-subtle">No other issues found.</li>
        )}
        {others.map((candidate) => (
          <li key={candidate.id} className="border-b border-line last:border-b-0">
            <label className="flex cursor-pointer items-start gap-2.5 px-3 py-2 hover:bg-hover">
              <Checkbox
                checked={picked.has(candidate.id)}
                onChange={() => toggle(candidate.id)}
                className="mt-0.5"
              />
              <span className="min-w-0 text-[13px]">
                <span className="block truncate">
                  <IssueTitle issue={candidate} />
                </span>
                <span className="text-xs text-subtle">{candidate.shortId}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
