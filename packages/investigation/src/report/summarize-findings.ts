import type { EvidenceItem, InvestigationFindings } from './investigation-report.ts';

const DAY_MS = 86_400_000;

/** A few sentences an on-call engineer reads first: what crashed where, the likely cause, known help. */
export function summarizeFindings(findings: InvestigationFindings, firstSeen: Date): string {
  const sentences: string[] = [];
  if (findings.analysis) sentences.push(findings.analysis.rootCause.trim());
  const culprit = findings.frames[0];
  if (!findings.repository)
    sentences.push('No repository is connected, so the code and its history were not examined.');
  else if (!culprit)
    sentences.push(`${findings.title} — no in-app frame could be mapped to a file of the repository.`);
  else
    sentences.push(
      `${findings.title} — crashed in ${culprit.function ? `\`${culprit.function}\` at ` : ''}${culprit.repoPath}:${culprit.line}.`,
    );
  const top = findings.suspectCommits[0];
  if (top && !top.landedAfterFirstSeen && top.score >= 0.35) {
    const days = (firstSeen.getTime() - Date.parse(top.landedAt)) / DAY_MS;
    const when = days < 2 ? `${Math.max(1, Math.round(days * 24))} h` : `${Math.round(days)} days`;
    sentences.push(
      `Most likely introduced by ${top.shortSha} “${top.summary}” (${top.author.name}, ${when} before the issue was first seen).`,
    );
  } else if (findings.repository && culprit) {
    sentences.push('No commit stands out as the cause.');
  }
  const twin = findings.similarIssues[0];
  if (twin)
    sentences.push(
      `A similar resolved issue exists: ${twin.shortId ?? `#${twin.id}`} (${Math.round(twin.score * 100)}% similar).`,
    );
  const runbook = findings.runbooks[0];
  if (runbook) sentences.push(`Runbook: ${runbook.title}.`);
  return sentences.join(' ');
}

/** One line per piece of evidence, strongest kinds first. */
export function listEvidence(findings: InvestigationFindings): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const repo = findings.repository;
  if (repo)
    items.push({
      kind: 'repository',
      summary: `code read at ${repo.commit.slice(0, 12)} (${repo.commitSource === 'release' ? `release ${repo.ref}` : `head of ${repo.baseBranch}`})`,
    });
  for (const frame of findings.frames.slice(0, 3)) {
    items.push({
      kind: 'culprit',
      summary: `${frame.function ?? '?'} at ${frame.repoPath}:${frame.line} — ${frame.mapping.detail}; line ${frame.lineCheck}`,
    });
  }
  for (const commit of findings.suspectCommits.slice(0, 3)) {
    items.push({
      kind: 'suspect-commit',
      summary: `${commit.shortSha} “${commit.summary}” scores ${commit.score.toFixed(2)}: ${commit.reasons.join('; ')}`,
    });
  }
  const related = findings.relatedCode;
  if (related && related.hits.length > 0) {
    const defs = related.hits.filter((h) => h.kind === 'definition').length;
    items.push({
      kind: 'related-code',
      summary: `\`${related.functionName}\`: ${defs} definition(s), ${related.hits.length - defs} call site(s)`,
    });
  }
  for (const similar of findings.similarIssues.slice(0, 2)) {
    items.push({
      kind: 'similar-issue',
      summary: `${similar.shortId ?? `#${similar.id}`} “${similar.title}”: ${similar.reasons.join(', ')}`,
    });
  }
  for (const runbook of findings.runbooks) {
    items.push({
      kind: 'runbook',
      summary: `${runbook.path} matched ${runbook.matches.map((m) => `${m.field} /${m.pattern}/`).join(', ')}`,
    });
  }
  if (findings.analysis) items.push({ kind: 'analysis', summary: `analysis by ${findings.analysis.by}` });
  return items;
}
