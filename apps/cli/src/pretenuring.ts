import { setFlagsFromString } from 'node:v8';

const FLAG = 'allocation-site-pretenuring';

/**
 * Turns off V8's allocation-site pretenuring for the server process. V8 watches which allocation sites
 * make objects that survive a scavenge and, past ~85%, allocates their objects in the old generation
 * directly. Under ingest load most objects a request makes are alive at the next scavenge (a request
 * waits tens of ms for the ingest thread and the batch commit), so V8 tenured ~150 sites on the main
 * thread; their objects then died young but in the old generation, where, until the next full GC, they
 * kept alive whatever young objects they pointed at. The main thread promoted ~1.8 MB per scavenge and
 * ran ~2 full GCs a second at 3,500 events/s; with pretenuring off, ~0.1 MB and none in 10 s (docs/adr/0003).
 * V8 reads the flag when a GC evaluates its allocation sites, so setting it at run time works and also
 * covers worker threads. A mode given on the command line wins. Returns whether it set the flag.
 */
export function disablePretenuring(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  if (execArgv.some((arg) => arg === `--${FLAG}` || arg === `--no-${FLAG}`)) return false;
  setFlags(`--no-${FLAG}`);
  return true;
}
