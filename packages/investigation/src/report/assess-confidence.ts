import type { Confidence, InvestigationFindings } from './investigation-report.ts';

/**
 * How far the findings can be trusted, from what supports them: a well-mapped culprit, a verified
 * line, the release's code, a clear suspect commit, a close resolved twin, a runbook. An analyzer's
 * own confidence is averaged in when present. Capped at 0.95: this is evidence, not proof.
 */
export function assessConfidence(findings: InvestigationFindings): Confidence {
  const parts: [number, string][] = [[0.1, 'baseline']];
  const culprit = findings.frames[0];
  if (!findings.repository) parts.push([0, 'no repository was examined']);
  else if (!culprit) parts.push([0, 'no in-app frame mapped to a repository file']);
  else {
    const mapping = culprit.mapping;
    const weak = mapping.rule === 'path-suffix' && (mapping.matchedSegments ?? 0) < 2;
    parts.push(
      weak
        ? [0.05, `crash site mapped by file name only (${mapping.repoPath})`]
        : [0.2, `crash site mapped to ${mapping.repoPath} (${mapping.rule})`],
    );
    if (culprit.lineCheck === 'verified')
      parts.push([0.1, 'the crashing line matches the event’s source context']);
    if (culprit.lineCheck === 'adjusted')
      parts.push([0.05, 'the crashing line was found a few lines away from the reported one']);
    if (culprit.lineCheck === 'mismatch')
      parts.push([-0.1, 'the repository’s line differs from the event’s source context']);
    if (findings.repository.commitSource === 'release')
      parts.push([0.05, 'code read at the release the event ran']);
  }
  parts.push(...suspectParts(findings));
  const twin = findings.similarIssues[0];
  if (twin && twin.score >= 0.75)
    parts.push([0.1, `a resolved issue is ${Math.round(twin.score * 100)}% similar`]);
  if (findings.runbooks.length > 0) parts.push([0.05, 'a runbook matches']);
  let score = Math.min(
    0.95,
    Math.max(
      0,
      parts.reduce((sum, [value]) => sum + value, 0),
    ),
  );
  const reasons = parts.map(
    ([value, reason]) => `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(2)} ${reason}`,
  );
  const analyzed = findings.analysis?.confidence;
  if (analyzed !== undefined && Number.isFinite(analyzed)) {
    score = (score + Math.min(1, Math.max(0, analyzed))) / 2;
    reasons.push(`averaged with the analysis’ own confidence ${analyzed.toFixed(2)}`);
  }
  return { score: Math.round(Math.min(0.95, score) * 100) / 100, reasons };
}

function suspectParts(findings: InvestigationFindings): [number, string][] {
  const [top, second] = findings.suspectCommits;
  if (!top || top.landedAfterFirstSeen)
    return findings.repository ? [[0, 'no suspect commit before the issue was first seen']] : [];
  const parts: [number, string][] = [];
  if (top.score >= 0.6)
    parts.push([0.25, `the top suspect commit ${top.shortSha} scores ${top.score.toFixed(2)}`]);
  else if (top.score >= 0.35)
    parts.push([0.12, `the top suspect commit ${top.shortSha} scores ${top.score.toFixed(2)}`]);
  if (!second || top.score - second.score >= 0.2) parts.push([0.08, 'it leads the other suspects clearly']);
  return parts;
}
