import type { Investigation, InvestigationJson, InvestigationReportJson } from '../api/types.ts';

function likelyCauses(report: InvestigationReportJson, score: number | null): Investigation['likelyCauses'] {
  const analysis = report.analysis;
  if (analysis?.likelyCauses && analysis.likelyCauses.length > 0) {
    return analysis.likelyCauses.map((title, index) => ({
      title,
      confidence: index === 0 ? (analysis.confidence ?? score) : null,
      explanation: index === 0 ? (analysis.details ?? '') : '',
    }));
  }
  if (analysis?.rootCause)
    return [
      {
        title: analysis.rootCause,
        confidence: analysis.confidence ?? score,
        explanation: analysis.details ?? '',
      },
    ];
  // No analyzer ran: the deterministic evidence is the best account of the cause.
  return (report.evidence ?? [])
    .filter((item) => item.kind === 'culprit' || item.kind === 'suspect-commit')
    .map((item, index) => ({
      title: item.summary,
      confidence: index === 0 ? score : null,
      explanation: index === 0 ? (report.confidence?.reasons ?? []).join('\n') : '',
    }));
}

function relatedFiles(report: InvestigationReportJson): Investigation['relatedFiles'] {
  const seen = new Set<string>();
  const files: Investigation['relatedFiles'] = [];
  const add = (path: string, line: number | null, reason: string) => {
    const key = `${path}:${line ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path, line, reason });
  };
  for (const frame of report.frames ?? [])
    add(frame.repoPath, frame.line, frame.function ? `crash path, in ${frame.function}` : 'crash path');
  for (const hit of report.relatedCode?.hits ?? [])
    add(hit.path, hit.line, `${hit.kind}: ${hit.text.trim()}`);
  for (const path of report.analysis?.relatedFiles ?? []) add(path, null, 'named by the analysis');
  return files;
}

/** Flattens the server's investigation (summary columns plus the structured report) for the pages. */
export function toInvestigationView(json: InvestigationJson): Investigation {
  const report = json.report ?? {};
  const score = json.confidence ?? report.confidence?.score ?? null;
  const [provider, ...rest] = (json.model ?? '').split('/');
  return {
    id: json.id,
    issueId: json.issueId,
    status: json.status,
    dateCreated: json.dateCreated,
    dateCompleted: json.dateFinished,
    summary:
      json.summary ??
      report.summary ??
      (json.status === 'completed' ? 'No summary.' : 'Investigation in progress…'),
    error: json.error,
    likelyCauses: likelyCauses(report, score),
    relatedFiles: relatedFiles(report),
    suspectCommits: (report.suspectCommits ?? []).map((c) => ({
      sha: c.sha,
      message: c.summary,
      author: typeof c.author === 'string' ? c.author : (c.author.name ?? c.author.email ?? 'unknown'),
      date: c.landedAt,
    })),
    similarIssues: (report.similarIssues ?? []).map((i) => ({
      id: String(i.id),
      shortId: i.shortId ?? `#${i.id}`,
      title: i.title,
      similarity: i.score,
    })),
    runbooks: (report.runbooks ?? []).map((r) => ({ title: r.title, excerpt: r.path })),
    model: json.model
      ? {
          provider: rest.length > 0 ? (provider ?? '') : '',
          name: rest.length > 0 ? rest.join('/') : json.model,
        }
      : null,
    usage:
      json.promptTokens || json.completionTokens || json.costUsd
        ? { inputTokens: json.promptTokens, outputTokens: json.completionTokens, costUsd: json.costUsd }
        : null,
  };
}
