/**
 * One-off benchmark (not a test): 50,000 events of about 5 KB across 300 issues, written in batches of
 * 100 through the SQLite adapter's writeBatch, reporting CPU per event and the p50/p99/max batch time.
 * Modes: `uniform` (event i joins issue i % 300) and `skewed` (Zipf s=1.1 over the 300 issues: a few
 * issues get most events, as real error traffic does).
 * Run: node --import tsx packages/storage-sqlite/bench/write-batch-bench.ts [uniform|skewed] [events]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchOf, createTestProject, eventWrite, newEventId } from '@fixloop/storage-contract';
import type { EventWrite } from '@fixloop/core';
import { createSqliteStorage } from '../src/index.ts';

const mode = process.argv[2] === 'skewed' ? 'skewed' : 'uniform';
const TOTAL = Number(process.argv[3] ?? 50_000);
const noise = Array.from({ length: 4096 }, () => randomBytes(8).toString('hex'));
const BATCH = 100;
const ISSUES = 300;
const ZIPF_S = 1.1;

/** Deterministic PRNG (mulberry32) so both modes see the same sequence run after run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipfPicker(n: number, s: number): () => number {
  const weights = Array.from({ length: n }, (_, r) => 1 / (r + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cdf = weights.map((w) => (acc += w / total));
  const random = prng(42);
  return () => {
    const u = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const pickIssue = mode === 'skewed' ? zipfPicker(ISSUES, ZIPF_S) : (i: number) => i % ISSUES;

function fiveKbWrite(projectId: number, i: number): EventWrite {
  const write = eventWrite(projectId, {
    eventId: newEventId(),
    hashes: [`hash-${pickIssue(i)}`],
    timestamp: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 10),
    userKey: `id:${i % 2000}`,
    release: `app@1.${i % 5}.0`,
    tags: {
      browser: ['Chrome', 'Firefox', 'Safari'][i % 3] ?? 'x',
      os: `os-${i % 7}`,
      url: `/page/${i % 50}`,
    },
  });
  // Frames with mostly-repeating text plus some random bytes: realistic compressibility, ~5 KB JSON.
  const frames = Array.from({ length: 30 }, (_, f) => ({
    filename: `/app/src/module-${f}.js`,
    function: `handler${f}`,
    lineno: f * 7 + (i % 13),
    context_line: `  const value = compute(${f}, input); // ${noise[(i * 31 + f) % noise.length]}`,
  }));
  write.event.payload = {
    ...write.event.payload,
    exception: { values: [{ type: 'TypeError', stacktrace: { frames } }] },
  };
  return write;
}

/** Bytes this process handed to write()/pwrite() so far (WAL frames and checkpoints): noise-free. */
function writtenBytes(): number {
  const io = readFileSync('/proc/self/io', 'utf8');
  return Number(/wchar: (\d+)/.exec(io)?.[1] ?? 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), 'fixloop-bench-'));
const file = join(dir, 'bench.db');
const storage = await createSqliteStorage({ filename: file });
await storage.migrate();
const project = await createTestProject(storage);
// Each batch is built just before it is written and only writeBatch's CPU is counted: pre-building all
// events would leave a ~250 MB old generation whose GC marking the writes would then be billed for.
const batchAt = (b: number) =>
  batchOf(
    Array.from({ length: Math.min(BATCH, TOTAL - b * BATCH) }, (_, k) =>
      fiveKbWrite(project.id, b * BATCH + k),
    ),
  );
const size = Buffer.byteLength(JSON.stringify(batchAt(0).events[0]?.event.payload));

const durations: number[] = [];
const writtenBefore = writtenBytes();
let cpuMicros = 0;
let seconds = 0;
for (let b = 0; b * BATCH < TOTAL; b++) {
  const batch = batchAt(b);
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  await storage.ingest.writeBatch(batch);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpuBefore);
  cpuMicros += cpu.user + cpu.system;
  seconds += ms / 1000;
  durations.push(ms);
}
const cpuSeconds = cpuMicros / 1e6;
const writtenPerEvent = (writtenBytes() - writtenBefore) / TOTAL;
durations.sort((a, b) => a - b);

const issues = await storage.issues.listIssues({
  projectIds: [project.id],
  sort: 'freq',
  limit: 1,
  offset: 0,
});
const top = issues.issues[0]?.timesSeen ?? 0;
console.log(
  `[${mode}] ${TOTAL} events (${size} B payload JSON each) in batches of ${BATCH} across ${issues.total} issues ` +
    `(top issue ${((100 * top) / TOTAL).toFixed(1)}%): ${seconds.toFixed(2)} s in writeBatch = ${Math.round(TOTAL / seconds)} events/s wall; ` +
    `${cpuSeconds.toFixed(2)} CPU s = ${Math.round(TOTAL / cpuSeconds)} events per CPU-second ` +
    `(${((cpuSeconds * 1e6) / TOTAL).toFixed(0)} µs/event); batch ms p50 ${percentile(durations, 0.5).toFixed(1)} ` +
    `p99 ${percentile(durations, 0.99).toFixed(1)} max ${percentile(durations, 1).toFixed(1)}; ` +
    `written ${(writtenPerEvent / 1024).toFixed(1)} KB/event; db ${(statSync(file).size / 1e6).toFixed(0)} MB`,
);
await storage.close();
rmSync(dir, { recursive: true, force: true });
