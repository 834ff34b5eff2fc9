import type { TestResults } from './parse-test-results.ts';

const TAP_RESULT = /^(\s*)(not )?ok \d+(?: - (.*?))?(\s+#\s*(SKIP|TODO)\b.*)?$/i;
const TAP_SUBTEST = /^(\s*)# Subtest: (.*)$/;
const SPEC_SUITE = /^(\s*)▶ (.*)$/;
const SPEC_RESULT = /^(\s*)([✔✓√✖✗✕×]|\d+\)) (.*?)(?: \(\d+(?:\.\d+)?\s*m?s\)| \d+(?:\.\d+)?\s*m?s)?\s*$/;

/**
 * Results of runners that nest suites by indentation: TAP (with node:test's `# Subtest:` lines), the
 * node:test spec reporter (`▶ suite`, `✔ test`), Mocha's and Jest's per-test lines (`✓`/`✕`, `1) name`).
 * A test's name is its enclosing suites and its own name joined by " > ".
 */
export function parseIndentedResults(lines: readonly string[]): TestResults {
  const results: TestResults = { passed: new Set(), failed: new Set() };
  const suites: Array<{ indent: number; name: string }> = [];
  const enclosing = (indent: number): string[] => suites.filter((s) => s.indent < indent).map((s) => s.name);
  const open = (indent: number, name: string): void => {
    while (suites.length > 0 && (suites[suites.length - 1]?.indent ?? -1) >= indent) suites.pop();
    suites.push({ indent, name });
  };
  for (const line of lines) {
    const subtest = TAP_SUBTEST.exec(line) ?? SPEC_SUITE.exec(line);
    if (subtest) {
      open(subtest[1]?.length ?? 0, subtest[2] ?? '');
      continue;
    }
    const tap = TAP_RESULT.exec(line);
    if (tap) {
      if (tap[4] || tap[3] === undefined) continue;
      const indent = tap[1]?.length ?? 0;
      (tap[2] ? results.failed : results.passed).add([...enclosing(indent), tap[3]].join(' > '));
      continue;
    }
    const spec = SPEC_RESULT.exec(line);
    if (spec?.[3] && !/^(\d+ (passing|failing|pending)|failing tests:)/.test(spec[3])) {
      const indent = spec[1]?.length ?? 0;
      const passed = spec[2] === '✔' || spec[2] === '✓' || spec[2] === '√';
      (passed ? results.passed : results.failed).add([...enclosing(indent), spec[3]].join(' > '));
    }
  }
  return results;
}
