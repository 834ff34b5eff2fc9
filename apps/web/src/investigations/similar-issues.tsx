import { Link } from 'react-router';
import type { Investigation } from '../api/types.ts';

export function SimilarIssues({ issues, org }: { issues: Investigation['similarIssues']; org: string }) {
  if (issues.length === 0) return <p className="text-[13px] text-subtle">No similar issues.</p>;
  return (
    <ul className="flex flex-col gap-1.5">
      {issues.map((issue) => (
        <li key={issue.id} className="flex items-baseline justify-between gap-2 text-[13px]">
          <Link
            to={`/organizations/${org}/issues/${issue.id}`}
            className="min-w-0 truncate text-accent-text hover:underline"
          >
            {issue.shortId} · {issue.title}
          </Link>
          {issue.similarity !== undefined && (
            <span className="shrink-0 text-xs text-subtle">{Math.round(issue.similarity * 100)}%</span>
          )}
        </li>
      ))}
    </ul>
  );
}
