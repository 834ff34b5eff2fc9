import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** CPU time (user + system, in µs) used so far by each thread of a process, from /proc. */
export function threadCpuMicros(pid: number): Map<number, number> {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const perTick = 1e6 / ticksPerSecond;
  const out = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the `(comm)` part: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * perTick);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return out;
}

export interface CpuPerEvent {
  /** The main thread: HTTP, auth, batching and the SQLite writes. */
  main: number;
  /** The busiest other thread: under load, the ingest thread (parse, normalize, group, encode). */
  ingest: number;
  /** Every other thread together: V8's GC helpers, the WAL checkpointer, any second ingest thread. */
  others: number;
}

/** CPU µs per processed event between two readings of `threadCpuMicros`. */
export function cpuPerEvent(
  pid: number,
  before: Map<number, number>,
  after: Map<number, number>,
  events: number,
): CpuPerEvent {
  let main = 0;
  let ingest = 0;
  let others = 0;
  for (const [tid, micros] of after) {
    const used = micros - (before.get(tid) ?? 0);
    if (tid === pid) main += used;
    else if (used > ingest) {
      others += ingest;
      ingest = used;
    } else others += used;
  }
  const per = (micros: number) => micros / Math.max(1, events);
  return { main: per(main), ingest: per(ingest), others: per(others) };
}
