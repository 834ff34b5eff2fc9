import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ParallelScavengeSwitch } from './parallel-scavenge-switch.ts';

/** A switch on a fake clock and CPU counter: `run(share)` advances one 500 ms sample at that load. */
function harness(options: { cores?: number; execArgv?: string[] } = {}) {
  const flags: string[] = [];
  let cpu = 0;
  let at = 0;
  const cores = options.cores ?? 2;
  const scavenges = new ParallelScavengeSwitch({
    cores,
    execArgv: options.execArgv ?? [],
    setFlags: (f) => flags.push(f),
    cpuMicros: () => cpu,
    now: () => at,
    intervalMs: 60_000, // samples come from run(), not the timer
  });
  const run = (share: number): void => {
    at += 500;
    cpu += share * cores * 500 * 1000;
    scavenges.sample();
  };
  return { scavenges, flags, run };
}

describe('ParallelScavengeSwitch', () => {
  it('goes serial when the process keeps the cores busy and parallel again once they are idle', () => {
    const { scavenges, flags, run } = harness();
    expect(scavenges.start()).toBe(true);
    run(0.5);
    expect(flags).toEqual([]);
    run(0.9);
    expect(scavenges.serialScavenges).toBe(true);
    expect(flags).toEqual(['--no-parallel-scavenge']);
    // Between the two thresholds nothing changes, in either direction.
    run(0.7);
    run(0.65);
    expect(flags).toEqual(['--no-parallel-scavenge']);
    run(0.4);
    expect(scavenges.serialScavenges).toBe(false);
    expect(flags).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
    run(0.7);
    expect(flags).toHaveLength(2);
    scavenges.stop();
  });

  it('measures the share of all cores, not of one', () => {
    const { scavenges, flags, run } = harness({ cores: 4 });
    scavenges.start();
    run(0.5); // two of four cores busy: the helpers have room
    expect(flags).toEqual([]);
    run(0.8);
    expect(flags).toEqual(['--no-parallel-scavenge']);
    scavenges.stop();
  });

  it('leaves V8 at its default (parallel) when stopped', () => {
    const { scavenges, flags, run } = harness();
    scavenges.start();
    run(1);
    scavenges.stop();
    expect(flags).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
    expect(scavenges.serialScavenges).toBe(false);
  });

  it('stays off on one core and when the command line names the mode', () => {
    for (const setup of [
      { cores: 1 },
      { execArgv: ['--no-parallel-scavenge'] },
      { execArgv: ['--parallel-scavenge'] },
    ]) {
      const { scavenges, flags, run } = harness(setup);
      expect(scavenges.start()).toBe(false);
      run(1);
      expect(flags).toEqual([]);
      scavenges.stop();
    }
  });

  it("names a flag this Node's V8 knows (V8 reports unknown flags on stderr)", () => {
    const set = (flag: string) =>
      spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('${flag}')`]);
    const known = [set('--no-parallel-scavenge'), set('--parallel-scavenge')];
    for (const result of known) {
      expect(result.status).toBe(0);
      expect(result.stderr.toString()).toBe('');
    }
    // The control: a misspelled flag does complain, so the check above can fail.
    expect(set('--no-parallel-scavenger').stderr.toString()).toMatch(/parallel-scavenger/);
  });

  it('can flip the mode while worker threads scavenge (V8 reads it once per scavenge)', () => {
    // Two threads allocate short- and medium-lived objects while the main thread flips the flag every
    // millisecond; any inconsistency in V8 would abort the process.
    const script = `
      const { Worker } = require('node:worker_threads');
      const v8 = require('node:v8');
      const churn = 'let keep = []; const end = Date.now() + 1500; let n = 0;' +
        'while (Date.now() < end) { keep.push({ n: n++, s: "x" + n }); if (keep.length > 40000) keep = keep.slice(20000); }' +
        'require("node:worker_threads").parentPort.postMessage(n);';
      let flips = 0;
      const timer = setInterval(() => v8.setFlagsFromString(flips++ % 2 ? '--parallel-scavenge' : '--no-parallel-scavenge'), 1);
      let done = 0;
      for (let i = 0; i < 2; i++) new Worker(churn, { eval: true }).on('message', () => {
        if (++done === 2) { clearInterval(timer); console.log('flips ' + flips); }
      });
    `;
    const result = spawnSync(process.execPath, ['--trace-gc', '-e', script], { timeout: 30_000 });
    const out = result.stdout.toString();
    expect(result.status, result.stderr.toString()).toBe(0);
    expect(Number(/flips (\d+)/.exec(out)?.[1])).toBeGreaterThan(100);
    expect(out.match(/Scavenge/g)?.length ?? 0).toBeGreaterThan(20);
  });
});
