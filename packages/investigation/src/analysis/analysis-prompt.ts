import type { AnalysisContext } from '../investigation-analyzer.ts';

export const ANALYST_SYSTEM = [
  'You are a senior engineer on call, investigating a production error.',
  'You are given the error, the crashing code, suspect commits and related code found deterministically.',
  'Be concrete and cite file paths and line numbers. Never invent files or commits that are not in the evidence.',
].join(' ');

const MAX_CODE_LINES = 40;

/** The deterministic evidence as compact text: the common prefix of both prompts. */
export function evidenceText(context: AnalysisContext): string {
  const { issue, event, findings } = context;
  const parts = [
    `# Error\n${issue.title}\nCulprit: ${issue.culprit}\nFirst seen: ${issue.firstSeen.toISOString()}`,
    event?.message ? `Message: ${event.message}` : '',
    findings.exceptionType ? `Exception type: ${findings.exceptionType}` : '',
    framesText(context),
    findings.suspectCommits.length > 0
      ? `# Suspect commits\n${findings.suspectCommits
          .slice(0, 5)
          .map(
            (c) =>
              `- ${c.shortSha} ${c.summary} (${c.landedAt}; score ${c.score.toFixed(2)}; files ${c.files.join(', ')})`,
          )
          .join('\n')}`
      : '',
    findings.relatedCode && findings.relatedCode.hits.length > 0
      ? `# Related code for ${findings.relatedCode.functionName ?? '?'}\n${findings.relatedCode.hits
          .slice(0, 10)
          .map((h) => `- ${h.kind} ${h.path}:${h.line}: ${h.text.trim()}`)
          .join('\n')}`
      : '',
    findings.runbooks.length > 0
      ? `# Matching runbooks\n${findings.runbooks.map((r) => `- ${r.path}: ${r.title}`).join('\n')}`
      : '',
  ];
  return parts.filter((p) => p !== '').join('\n\n');
}

function framesText(context: AnalysisContext): string {
  const frames = context.findings.frames.slice(0, 5);
  if (frames.length === 0) return '';
  const blocks = frames.map((frame) => {
    const lines = frame.code.lines.slice(0, MAX_CODE_LINES).map((text, i) => {
      const number = frame.code.startLine + i;
      return `${number === frame.line ? '>' : ' '} ${number} | ${text}`;
    });
    return `## ${frame.repoPath}:${frame.line} in ${frame.function ?? '?'}\n${lines.join('\n')}`;
  });
  return `# Crashing frames (innermost first)\n${blocks.join('\n\n')}`;
}

export function fileRequestPrompt(context: AnalysisContext, maxFiles: number): string {
  return `${evidenceText(context)}\n\nWhich repository files (at most ${maxFiles}) do you need to read to find the root cause? Answer with their paths.`;
}

export function analysisPrompt(context: AnalysisContext, files: { path: string; text: string }[]): string {
  const fileText = files.map((f) => `## ${f.path}\n\`\`\`\n${f.text}\n\`\`\``).join('\n\n');
  return `${evidenceText(context)}\n\n# Files you asked for\n${fileText || '(none could be read)'}\n\nAnalyze the root cause.`;
}
