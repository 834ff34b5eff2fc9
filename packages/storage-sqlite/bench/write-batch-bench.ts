/**
 * One-off benchmark (not a test): 50,000 events of about 5 KB across 300 issues, written in batches of
 * 100 through the SQLite adapter's writeBatch. Run: node --import tsx packages/storage-sqlite/bench/write-batch-bench.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchOf, createTestProject, eventWrite, newEventId } from '@fixloop/storage-contract';
import type { EventWrite } from '@fixloop/core';
import { createSqliteStorage } from '../src/index.ts';

const TOTAL = 50_000;
const noise = Array.from({ length: 4096 }, () => randomBytes(8).toString('hex'));
const BATCH = 100;
const ISSUES = 300;

function fiveKbWrite(projectId: number, i: number): EventWrite {
  const write = eventWrite(projectId, {
    eventId: newEventId(),
    hashes: [`hash-${i % ISSUES}`],
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

const dir = mkdtempSync(join(tmpdir(), 'fixloop-bench-'));
const file = join(dir, 'bench.db');
const storage = await createSqliteStorage({ filename: file });
await storage.migrate();
const project = await createTestProject(storage);
const writes = Array.from({ length: TOTAL }, (_, i) => fiveKbWrite(project.id, i));
const size = Buffer.byteLength(JSON.stringify(writes[0]?.event.payload));

const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < TOTAL; i += BATCH) await storage.ingest.writeBatch(batchOf(writes.slice(i, i + BATCH)));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const issues = await storage.issues.listIssues({
  projectIds: [project.id],
  sort: 'freq',
  limit: 1,
  offset: 0,
});
console.log(
  `${TOTAL} events (${size} B payload JSON each) in batches of ${BATCH} across ${issues.total} issues: ` +
    `${seconds.toFixed(2)} s = ${Math.round(TOTAL / seconds)} events/s wall; ${cpuSeconds.toFixed(2)} CPU s = ` +
    `${Math.round(TOTAL / cpuSeconds)} events per CPU-second; db ${(statSync(file).size / 1e6).toFixed(0)} MB`,
);
await storage.close();
rmSync(dir, { recursive: true, force: true });
