import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchFixloop, type BenchFixloop } from './server-process.ts';
import { storedEvents } from './stored-events.ts';
import { cpuPerEvent, threadCpuMicros, type CpuPerEvent } from './thread-cpu.ts';
import { runWrk } from './wrk-runner.ts';

export interface SideBySideLoad {
  script: string;
  templates: string;
  /** Connections per server, each pausing `delayMs` between requests: a fixed rate, below the peak. */
  connections: number;
  delayMs: number;
  seconds: number;
}

export interface SideBySideResult {
  eventsPerSec: number;
  cpu: CpuPerEvent;
  /** main + ingest + others, µs per event. */
  total: number;
}

/**
 * Runs two bundles AT THE SAME TIME, each on a fresh database under the same paced load, and reads each
 * one's CPU per event. Whatever the shared machine does to its speed meanwhile, it does to both, so the
 * ratio of their CPU per event compares code where runs one after the other do not (2026-12-07: the
 * same bundle against itself came out at 1.003; one after the other, A/A pairs spread by ±13%). It
 * measures how much work an event costs, not throughput: the pipeline's idle time at the peak is not in it.
 */
export async function measureSideBySide(
  bundles: [string, string],
  load: SideBySideLoad,
  work: string,
): Promise<[SideBySideResult, SideBySideResult]> {
  const dirs = bundles.map(() => mkdtempSync(join(work, 'side-')));
  const servers: BenchFixloop[] = [];
  try {
    for (const [i, bundle] of bundles.entries()) servers.push(await startBenchFixloop(bundle, dirs[i]!));
    const drive = (seconds: number) =>
      Promise.all(servers.map((s) => runWrk({ url: s.envelopeUrl, ...load, seconds })));
    await drive(Math.min(load.seconds, 6));
    const before = servers.map((s) => ({
      events: storedEvents(s.dbFile),
      cpu: threadCpuMicros(s.server.pid),
    }));
    await drive(load.seconds);
    await new Promise((r) => setTimeout(r, 500));
    const results = servers.map((s, i): SideBySideResult => {
      const events = storedEvents(s.dbFile) - before[i]!.events;
      const cpu = cpuPerEvent(s.server.pid, before[i]!.cpu, threadCpuMicros(s.server.pid), events);
      return { eventsPerSec: events / load.seconds, cpu, total: cpu.main + cpu.ingest + cpu.others };
    });
    return results as [SideBySideResult, SideBySideResult];
  } finally {
    await Promise.all(servers.map((s) => s.server.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
