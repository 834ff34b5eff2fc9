/** The fields of the fixes API's JSON the CLI prints. */
export interface FixJson {
  id: string;
  status: string;
  title: string;
  category: string | null;
  fixer: string | null;
  reason: string | null;
  explanation: string | null;
  issue: { id: string; shortId: string | null; title: string } | null;
  diff: string | null;
  testFile: string | null;
  branch: string;
  commitSha: string | null;
  pullRequestUrl: string | null;
  verification: { outcome: string | null; log: string | null };
}

/** One line per fix: id, status, category, issue and title, aligned for a terminal. */
export function formatFixLine(fix: FixJson): string {
  const issue = fix.issue?.shortId ?? fix.issue?.id ?? '';
  const commit = fix.commitSha ? ` ${fix.commitSha.slice(0, 12)} on ${fix.branch}` : '';
  return `${fix.id.padEnd(6)} ${fix.status.padEnd(17)} ${(fix.category ?? '-').padEnd(2)} ${issue.padEnd(12)} ${fix.title}${commit}`; // prettier-ignore
}

/** A fix in full: state and why, the explanation, verification, commit, then the diff (fix and test). */
export function formatFix(fix: FixJson): string {
  const lines = [formatFixLine(fix)];
  if (fix.reason) lines.push(`reason: ${fix.reason}`);
  if (fix.fixer) lines.push(`fixer: ${fix.fixer}, category ${fix.category ?? '?'}`);
  if (fix.verification.outcome) lines.push(`verification: ${fix.verification.outcome}`);
  if (fix.testFile) lines.push(`test: ${fix.testFile}`);
  if (fix.commitSha) lines.push(`commit: ${fix.commitSha} on ${fix.branch}`);
  if (fix.pullRequestUrl) lines.push(`pull request: ${fix.pullRequestUrl}`);
  if (fix.explanation) lines.push('', fix.explanation);
  if (fix.diff) lines.push('', fix.diff.trimEnd());
  return lines.join('\n');
}
