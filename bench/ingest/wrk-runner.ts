import { spawn } from 'node:child_process';

export interface WrkResult {
  requestsPerSec: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
  p50Ms: number;
  p99Ms: number;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : n;
}

export function parseWrkOutput(out: string): WrkResult {
  const pct = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    return m ? toMs(m[1]!, m[2]!) : NaN;
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSec: rps ? Number(rps[1]) : NaN,
    requests: total ? Number(total[1]) : 0,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    p50Ms: pct('50'),
    p99Ms: pct('99'),
  };
}

export function runWrk(options: {
  url: string;
  script: string;
  templates: string;
  connections: number;
  seconds: number;
  delayMs?: number;
}): Promise<WrkResult & { raw: string }> {
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    '-s',
    options.script,
    options.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, {
      env: {
        ...process.env,
        BENCH_TEMPLATES: options.templates,
        BENCH_DELAY_MS: String(options.delayMs ?? 0),
      },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve({ ...parseWrkOutput(out), raw: out })
        : reject(new Error(`wrk exited ${code}: ${out}`)),
    );
  });
}
