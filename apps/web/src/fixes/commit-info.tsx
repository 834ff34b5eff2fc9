import { GitBranch, GitCommitHorizontal, Undo2 } from 'lucide-react';
import type { Fix } from '../api/types.ts';

export function CommitInfo({ commit }: { commit: Fix['commit'] }) {
  if (!commit) return <p className="text-[13px] text-subtle">Not committed yet.</p>;
  const sha = commit.sha.slice(0, 10);
  return (
    <dl className="flex flex-col gap-2 text-[13px]">
      <div className="flex items-center gap-2">
        <dt className="flex items-center gap-1.5 text-muted">
          <GitCommitHorizontal size={14} aria-hidden /> Commit
        </dt>
        <dd className="font-mono text-[12.5px]">
          {commit.url ? (
            <a
              href={commit.url}
              target="_blank"
              rel="noreferrer"
              className="text-accent-text hover:underline"
              title={commit.sha}
            >
              {sha}
            </a>
          ) : (
            <span title={commit.sha}>{sha}</span>
          )}
        </dd>
      </div>
      <div className="flex items-center gap-2">
        <dt className="flex items-center gap-1.5 text-muted">
          <GitBranch size={14} aria-hidden /> Branch
        </dt>
        <dd className="font-mono text-[12.5px]">
          {commit.branchUrl ? (
            <a
              href={commit.branchUrl}
              target="_blank"
              rel="noreferrer"
              className="text-accent-text hover:underline"
            >
              {commit.branch}
            </a>
          ) : (
            commit.branch
          )}
        </dd>
      </div>
      {commit.rollbackSha && (
        <div className="flex items-center gap-2">
          <dt className="flex items-center gap-1.5 text-muted">
            <Undo2 size={14} aria-hidden /> Reverted by
          </dt>
          <dd className="font-mono text-[12.5px]" title={commit.rollbackSha}>
            {commit.rollbackSha.slice(0, 10)}
          </dd>
        </div>
      )}
    </dl>
  );
}
