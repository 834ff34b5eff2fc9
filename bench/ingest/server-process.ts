import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../apps/server/src/testing/free-port.ts';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  output: () => string;
  rssMb: () => number;
  peakRssMb: () => number;
  stop: () => Promise<void>;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) : NaN;
}

/** Spawns a server and resolves once `ready` matches its output (returning the match). */
export function startServer(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ server: ServerProcess; match: RegExpExecArray }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const server: ServerProcess = {
    child,
    pid: child.pid!,
    output: () => out,
    rssMb: () => statusKb(child.pid!, 'VmRSS') / 1024,
    peakRssMb: () => statusKb(child.pid!, 'VmHWM') / 1024,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ server, match });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

export interface BenchFixloop {
  server: ServerProcess;
  /** The envelope endpoint of the default project, with its DSN key in the query. */
  envelopeUrl: string;
  dbFile: string;
}

/** Starts `fixloop start` from a bundle (`apps/cli/dist` or a copy of it) on a fresh data folder. */
export async function startBenchFixloop(bundleDir: string, dataDir: string): Promise<BenchFixloop> {
  const port = await freePort();
  const { server, match } = await startServer(
    process.execPath,
    [join(bundleDir, 'fixloop.js'), 'start'],
    { PORT: String(port), HOST: '127.0.0.1', FIXLOOP_DATA_DIR: dataDir, FIXLOOP_LOG_LEVEL: 'warn' },
    /(https?:\/\/([0-9a-f]{32})@[^\s/]+\/(\d+))/,
  );
  return {
    server,
    envelopeUrl: `http://127.0.0.1:${port}/api/${match[3]}/envelope/?sentry_key=${match[2]}&sentry_version=7`,
    dbFile: join(dataDir, 'fixloop.db'),
  };
}
