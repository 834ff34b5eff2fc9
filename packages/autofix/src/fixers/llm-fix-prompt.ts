import type { FixContext } from './fixer.ts';

const MAX_FILES = 6;
const MAX_FILE_CHARS = 24_000;
const MAX_FAILURE_CHARS = 6_000;

export const LLM_FIX_SYSTEM = [
  'You are a careful senior engineer fixing a production error in a repository.',
  'Make the smallest change that removes the root cause; keep the existing style and formatting.',
  'Answer only with JSON matching the schema. Edits are exact search/replace pairs: "find" must be copied',
  'verbatim from the file and occur exactly once. Do not edit the reproduction test; if it is wrong, put a',
  'complete improved test in "test". The fix must make the reproduction test pass without breaking other tests.',
].join(' ');

/** The prompt: the error and stack, the investigation, the relevant files, the test, the last failure. */
export async function llmFixPrompt(
  context: FixContext,
  input: { issueTitle: string; investigation?: { summary: string; details?: string } | null },
): Promise<string> {
  const { error } = context;
  const stack = context.sites
    .filter((site) => site.path)
    .slice(0, 15)
    .map(
      (site) =>
        `  at ${site.frame.function ?? '?'} (${site.path}:${site.frame.lineno ?? '?'}:${site.frame.colno ?? '?'})`,
    );
  const parts = [
    `Issue: ${input.issueTitle}`,
    `Error: ${error.type}: ${error.value}`,
    `Stack (innermost first):\n${stack.join('\n') || '  (no frames in the repository)'}`,
  ];
  if (input.investigation)
    parts.push(`Investigation:\n${input.investigation.summary}\n${input.investigation.details ?? ''}`.trim());
  for (const path of await relevantFiles(context)) {
    const text = await context.repo.readText(path);
    if (text !== null) parts.push(`File ${path}:\n\`\`\`\n${text.slice(0, MAX_FILE_CHARS)}\n\`\`\``);
  }
  if (context.reproduction) {
    const test = context.reproduction;
    parts.push(
      `Reproduction test ${test.path} (run with \`${test.command}\`; it fails now and must pass after your fix):\n\`\`\`\n${test.content}\n\`\`\``,
    );
  }
  if (context.previousFailure) {
    parts.push(
      `Your previous fix failed verification:\n${context.previousFailure.slice(-MAX_FAILURE_CHARS)}`,
    );
  }
  return parts.join('\n\n');
}

/** The repository files of the stack, innermost first, then the package manifest of the project. */
async function relevantFiles(context: FixContext): Promise<string[]> {
  const paths = new Set<string>();
  for (const site of context.sites) if (site.path) paths.add(site.path);
  const manifest = context.root ? `${context.root}/package.json` : 'package.json';
  if ((await context.repo.listFiles()).includes(manifest)) paths.add(manifest);
  return [...paths].slice(0, MAX_FILES);
}
