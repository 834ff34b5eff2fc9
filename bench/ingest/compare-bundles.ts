// `npm run bench:ingest:compare -- <bundle A> <bundle B> [--pairs 4 --seconds 10 --connections 256]`:
// throughput of two builds of Fixloop in interleaved runs (A, B, A, B, …), each on a fresh database after a
// warm-up. On the shared 2-core machines here the same code's CPU per event moves by up to a third between
// runs minutes apart (2026-12-07), so only runs side by side in time compare code. With `--side-by-side`
// (`--connections 16 --delay 10` by default) both run at the same time under the same paced load and
// each round prints their CPU per event (see side-by-side.ts). Make a bundle with
// `node apps/cli/build-bundle.mjs` and copy `apps/cli/dist` away (e.g. to `apps/cli/dist-a`).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchFixloop } from './server-process.ts';
import { measureSideBySide, type SideBySideResult } from './side-by-side.ts';
import { storedEvents } from './stored-events.ts';
import { writeTemplateFile } from './template-file.ts';
import { cpuPerEvent, threadCpuMicros } from './thread-cpu.ts';
import { runWrk } from './wrk-runner.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIDE_BY_SIDE = process.argv.includes('--side-by-side');
const PAIRS = option('pairs', 4);
const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', SIDE_BY_SIDE ? 16 : 256);
const DELAY_MS = option('delay', 10);
const SIZE = option('size', 5000);

/** Share of the machine's CPU time that was idle (`/proc/stat`, all cores). */
function idleTicks(): { idle: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: fields[3]! + fields[4]!, total: fields.reduce((sum, n) => sum + n, 0) };
}

interface RunResult {
  eventsPerSec: number;
  p99Ms: number;
  idlePct: number;
  cpu: { main: number; ingest: number; others: number };
}

async function measure(bundle: string, templates: string, work: string): Promise<RunResult> {
  const dataDir = mkdtempSync(join(work, 'data-'));
  const fixloop = await startBenchFixloop(bundle, dataDir);
  const load = (seconds: number) =>
    runWrk({
      url: fixloop.envelopeUrl,
      script: join(here, 'envelope-load.lua'),
      templates,
      connections: CONNECTIONS,
      seconds,
    });
  try {
    await load(SECONDS);
    const events = storedEvents(fixloop.dbFile);
    const cpu = threadCpuMicros(fixloop.server.pid);
    const idle = idleTicks();
    const result = await load(SECONDS);
    await new Promise((r) => setTimeout(r, 500));
    const processed = storedEvents(fixloop.dbFile) - events;
    const idleAfter = idleTicks();
    return {
      eventsPerSec: processed / SECONDS,
      p99Ms: result.p99Ms,
      idlePct: (100 * (idleAfter.idle - idle.idle)) / (idleAfter.total - idle.total),
      cpu: cpuPerEvent(fixloop.server.pid, cpu, threadCpuMicros(fixloop.server.pid), processed),
    };
  } finally {
    await fixloop.server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const format = (name: string, r: RunResult) =>
  `${name}  ${r.eventsPerSec.toFixed(0).padStart(5)} events/s  p99 ${r.p99Ms.toFixed(1)} ms  ` +
  `CPU µs/event ${r.cpu.main.toFixed(0)} + ${r.cpu.ingest.toFixed(0)} + ${r.cpu.others.toFixed(0)}  ` +
  `idle ${r.idlePct.toFixed(1)}%`;

async function main() {
  const bundles = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && !/^--(?!side-by-side)/.test(all[i - 1] ?? ''));
  if (bundles.length !== 2)
    throw new Error('usage: compare-bundles.ts <bundle dir A> <bundle dir B> [--pairs N] [--side-by-side]');
  const [a, b] = bundles.map((dir) => resolve(dir)) as [string, string];
  for (const dir of [a, b])
    if (!existsSync(join(dir, 'fixloop.js'))) throw new Error(`no fixloop.js in ${dir}`);
  const work = mkdtempSync(join(tmpdir(), 'fixloop-compare-'));
  try {
    const { file } = writeTemplateFile(work, SIZE);
    if (SIDE_BY_SIDE) return await sideBySide(a, b, file, work);
    const ratios: number[] = [];
    for (let pair = 1; pair <= PAIRS; pair++) {
      const first = await measure(a, file, work);
      console.log(format(`pair ${pair} A`, first));
      const second = await measure(b, file, work);
      console.log(format(`pair ${pair} B`, second));
      ratios.push(second.eventsPerSec / first.eventsPerSec);
    }
    const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
    console.log(`B vs A per pair: ${ratios.map(pct).join(', ')}; mean ${pct(mean)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const pct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;

const sideFormat = (name: string, r: SideBySideResult) =>
  `${name}  ${r.eventsPerSec.toFixed(0).padStart(5)} events/s  CPU µs/event ${r.cpu.main.toFixed(0)} + ` +
  `${r.cpu.ingest.toFixed(0)} + ${r.cpu.others.toFixed(0)} = ${r.total.toFixed(0)}`;

/** Rounds of both bundles at once; the order they start in alternates. */
async function sideBySide(a: string, b: string, templates: string, work: string): Promise<void> {
  const load = {
    script: join(here, 'envelope-load.lua'),
    templates,
    connections: CONNECTIONS,
    delayMs: DELAY_MS,
    seconds: SECONDS,
  };
  const ratios: number[] = [];
  for (let round = 1; round <= PAIRS; round++) {
    const swap = round % 2 === 0;
    const [first, second] = await measureSideBySide(swap ? [b, a] : [a, b], load, work);
    const [ra, rb] = swap ? [second, first] : [first, second];
    console.log(sideFormat(`round ${round} A`, ra));
    console.log(sideFormat(`round ${round} B`, rb));
    ratios.push(rb.total / ra.total);
  }
  const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
  console.log(`B's CPU per event vs A's per round: ${ratios.map(pct).join(', ')}; mean ${pct(mean)}`);
}

await main();
