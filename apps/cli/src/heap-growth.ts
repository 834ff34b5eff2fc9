import { setFlagsFromString } from 'node:v8';

/** How far the old generation may grow past what survived the previous full GC, in percent. */
export const HEAP_GROWING_PERCENT = 50;
const FLAG = '--heap-growing-percent';

/**
 * Caps V8's old-generation growth between full GCs for the server process. By default V8 lets an old
 * generation grow to several times what survived the last full GC. Under sustained ingest both the main
 * and the event-processing thread promote a steady trickle of short-lived objects, so each heap swings
 * between ~15 and ~75 MB, and the process's peak RSS depends on whether the swings coincide: 240-310 MB
 * in `npm run bench:ingest` at 5 KB. With 1.5x growth the peak stays at ~215 MB at the same throughput
 * (bench/ingest, 2026-12-07). The flag is process-wide, so it also covers worker threads started later.
 * A value given on the command line (`node --heap-growing-percent=N`) wins. Returns whether it set it.
 */
export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  if (execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`))) return false;
  setFlags(`${FLAG}=${HEAP_GROWING_PERCENT}`);
  return true;
}
