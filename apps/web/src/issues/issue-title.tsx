import type { Issue } from '../api/types.ts';

/** "TypeError  Cannot read properties…": the type stands out, the message follows. */
export function IssueTitle({ issue }: { issue: Pick<Issue, 'title' | 'metadata'> }) {
  const { type, value } = issue.metadata ?? {};
  if (!type) return <span className="font-semibold text-fg">{issue.title}</span>;
  return (
    <>
      <span className="font-semibold text-fg">{type}</span>
      {value && <span className="ml-1.5 text-muted">{value}</span>}
    </>
  );
}
