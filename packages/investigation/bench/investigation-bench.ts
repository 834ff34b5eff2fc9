/**
 * Rough timing of one investigation on a synthetic repository of about 100,000 lines (1,000 files of
 * 100 lines) with 240 commits of history, through the real git adapter and code search.
 *
 *   npx tsx packages/investigation/bench/investigation-bench.ts [runs] [builtin]
 *
 * Prints the repository build time (not part of an investigation), the first investigation (which also
 * clones) and the following ones (fetch + investigate), with the per-step timings of the last run.
 * The target is ≤ 5 s per issue. The machine is shared: quote the best run, and do not assert on it.
 */
import { rmSync } from 'node:fs';
import { createCodeSearch, GitCliWorkspace } from '@fixloop/git';
import { TestRepository, tempDir } from '@fixloop/git/test-repository';
import { runInvestigation } from '../src/index.ts';

const FILES = 1000;
const LINES = 100;
const COMMITS = 240;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 6 * 3_600_000);
const fileName = (i: number) => `src/services/svc-${i % 50}/module-${i}.js`;

function fileText(i: number, version: number): string {
  const lines = [`export function handle${i}(input) {`];
  for (let n = 1; n < LINES - 1; n++)
    lines.push(`  const v${n} = input.items[${n}]?.price * ${version + n}; // line ${n}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function buildRepository(): { repo: TestRepository; bug: string } {
  const repo = TestRepository.create('main');
  for (let i = 0; i < FILES; i++) repo.write(fileName(i), fileText(i, 0));
  repo.commit('initial import', { date: day(0) });
  let bug = '';
  for (let c = 1; c <= COMMITS; c++) {
    for (let k = 0; k < 4; k++) repo.write(fileName((c * 37 + k * 101) % FILES), fileText(c * 4 + k, c));
    if (c === COMMITS - 10) {
      const text = fileText(7, 0).split('\n');
      text[49] = '  const total = input.cart.discount.amount * 2; // the bug';
      repo.write(fileName(7), text.join('\n'));
    }
    const sha = repo.commit(c === COMMITS - 10 ? 'apply cart discount' : `change ${c}`, { date: day(c) });
    if (c === COMMITS - 10) bug = sha;
  }
  return { repo, bug };
}

function event() {
  const frame = (file: string, fn: string, lineno: number) => ({
    filename: file,
    abs_path: file,
    function: fn,
    lineno,
    in_app: true,
  });
  return {
    eventId: 'e'.repeat(32),
    release: null,
    title: "TypeError: Cannot read properties of undefined (reading 'amount')",
    message: '',
    culprit: 'handle7(src/services/svc-7/module-7)',
    metadata: { type: 'TypeError' },
    payload: {
      exception: {
        values: [
          {
            type: 'TypeError',
            stacktrace: {
              frames: [
                frame(`/app/${fileName(3)}`, 'handle3', 20),
                frame(`/app/${fileName(7)}`, 'handle7', 50),
              ],
            },
          },
        ],
      },
    },
  };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  let started = performance.now();
  const { repo, bug } = buildRepository();
  console.log(
    `built ${FILES * LINES} lines, ${COMMITS + 1} commits in ${Math.round(performance.now() - started)} ms`,
  );
  const dataDir = tempDir();
  const git = new GitCliWorkspace({ dataDir, settings: { url: repo.dir } });
  const codeSearch = await createCodeSearch({ ripgrep: process.argv[3] === 'builtin' ? false : undefined });
  const issue = {
    id: 1,
    title: event().title,
    culprit: event().culprit,
    metadata: { type: 'TypeError' },
    firstSeen: day(COMMITS - 8),
    firstRelease: null,
  };
  try {
    for (let run = 1; run <= runs; run++) {
      started = performance.now();
      const { report } = await runInvestigation(
        { issue, event: event(), settings: { url: repo.dir } },
        { git, codeSearch },
      );
      const ms = Math.round(performance.now() - started);
      const top = report.suspectCommits[0];
      console.log(
        `run ${run}${run === 1 ? ' (clone)' : ''}: ${ms} ms, search=${codeSearch.name}, top suspect is the bug: ${top?.sha === bug}`,
      );
      if (run === runs) console.log('steps (ms):', report.timings, report.warnings);
    }
  } finally {
    repo.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
