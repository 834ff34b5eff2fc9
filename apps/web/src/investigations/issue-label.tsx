import { useIssue } from '../api/use-issue.ts';

/** "SHOP-12 · TypeError: …" for an issue id (investigations carry only the id). */
export function IssueLabel({ issueId }: { issueId: string }) {
  const issue = useIssue(issueId);
  if (!issue.data) return <>Issue #{issueId}</>;
  return (
    <>
      {issue.data.shortId} · {issue.data.title}
    </>
  );
}
