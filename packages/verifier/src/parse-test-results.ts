import { parseIndentedResults } from './parse-indented-results.ts';

export interface TestResults {
  passed: Set<string>;
  failed: Set<string>;
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are exactly what is stripped
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * Test names and outcomes from a test command's output, whatever the runner: TAP (node:test's default
 * off a terminal, tap, mocha -R tap), node:test's spec reporter, Vitest, Jest, Mocha's spec reporter and
 * pytest. Names are what the runner prints, with suites joined by " > ". Unknown output gives empty sets.
 */
export function parseTestResults(output: string): TestResults {
  const lines = stripAnsi(output).split(/\r?\n/);
  const results = parseIndentedResults(lines);
  for (const line of lines) addLineResult(line, results);
  return results;
}

function addLineResult(line: string, results: TestResults): void {
  const vitestFail = /^\s*FAIL\s+(\S+\s+>\s+.+?)\s*$/.exec(line);
  if (vitestFail?.[1]) results.failed.add(normalize(vitestFail[1]));
  const jestFail = /^\s*●\s+(?!Test suite failed to run)(.+?)\s*$/.exec(line);
  if (jestFail?.[1]) results.failed.add(normalize(jestFail[1].replace(/\s+›\s+/g, ' > ')));
  const pytest = /^(?:(PASSED|FAILED|ERROR)\s+(\S+::\S+)|(\S+::\S+)\s+(PASSED|FAILED|ERROR))\b/.exec(line);
  if (pytest) {
    const status = pytest[1] ?? pytest[4];
    const name = (pytest[2] ?? pytest[3] ?? '').replace(/\s+-\s.*$/, '');
    (status === 'PASSED' ? results.passed : results.failed).add(name);
  }
}

/** Vitest prints `file > suite > test`; the file part is dropped so names compare across runners. */
function normalize(name: string): string {
  const parts = name.split(/\s+>\s+/);
  return (parts.length > 1 && /\.[cm]?[jt]sx?$/.test(parts[0] ?? '') ? parts.slice(1) : parts).join(' > ');
}
