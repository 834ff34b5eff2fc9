import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

export interface ParallelScavengeSwitchOptions {
  /** Cores the process may use (default: `os.availableParallelism()`). */
  cores?: number;
  /** Above this share of all cores in use by the process, scavenges go serial. */
  busyShare?: number;
  /** Below this share they go parallel again (the gap keeps the switch from flapping). */
  idleShare?: number;
  /** How often the process's CPU use is read. */
  intervalMs?: number;
  /** The process's command-line flags: one naming the mode turns the switch off. */
  execArgv?: readonly string[];
  setFlags?: (flags: string) => void;
  /** CPU time used by the whole process so far, in µs (user + system, every thread). */
  cpuMicros?: () => number;
  now?: () => number;
}

const FLAG = 'parallel-scavenge';

/**
 * V8 scavenges (young-generation GCs) with its helper threads by default. With cores to spare that
 * shortens each pause; with every core busy the helpers only compete with the thread that waits for
 * them, and coordinating them costs CPU. On the 2-core reference machine, serial scavenges raised the
 * 5 KB ingest peak by 5-10% (388 instead of 410 µs of CPU per event, runtime flag, 2026-12-07), while
 * at half the peak, with ~45% of the CPU idle, they raised the ack p99 from 22-25 to 27 ms. So the mode
 * follows the load: serial while the process keeps more than `busyShare` of the cores busy, parallel
 * again below `idleShare`. V8 reads the flag at the start of each scavenge, so a change takes effect at
 * the next one, in every thread's heap.
 */
export class ParallelScavengeSwitch {
  private timer: NodeJS.Timeout | null = null;
  private lastCpu = 0;
  private lastAt = 0;
  private serial = false;
  private readonly cores: number;
  private readonly busyShare: number;
  private readonly idleShare: number;
  private readonly setFlags: (flags: string) => void;
  private readonly cpuMicros: () => number;
  private readonly now: () => number;

  constructor(private readonly options: ParallelScavengeSwitchOptions = {}) {
    this.cores = options.cores ?? availableParallelism();
    this.busyShare = options.busyShare ?? 0.75;
    this.idleShare = options.idleShare ?? 0.6;
    this.setFlags = options.setFlags ?? setFlagsFromString;
    this.cpuMicros = options.cpuMicros ?? cpuUsageMicros;
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether scavenges currently run on one thread. */
  get serialScavenges(): boolean {
    return this.serial;
  }

  /** Starts sampling; false (and nothing happens) on one core or when the command line names the mode. */
  start(): boolean {
    const argv = this.options.execArgv ?? process.execArgv;
    if (this.cores < 2 || argv.some((arg) => arg === `--${FLAG}` || arg === `--no-${FLAG}`)) return false;
    this.lastCpu = this.cpuMicros();
    this.lastAt = this.now();
    this.timer = setInterval(() => this.sample(), this.options.intervalMs ?? 500);
    this.timer.unref();
    return true;
  }

  /** Reads the CPU used since the last sample and switches the mode when it crossed a threshold. */
  sample(): void {
    if (this.timer === null) return;
    const cpu = this.cpuMicros();
    const at = this.now();
    const elapsedMicros = (at - this.lastAt) * 1000;
    if (elapsedMicros <= 0) return;
    const share = (cpu - this.lastCpu) / elapsedMicros / this.cores;
    this.lastCpu = cpu;
    this.lastAt = at;
    if (!this.serial && share > this.busyShare) this.set(true);
    else if (this.serial && share < this.idleShare) this.set(false);
  }

  /** Stops sampling and leaves V8's default (parallel) in place. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.serial) this.set(false);
  }

  private set(serial: boolean): void {
    this.serial = serial;
    this.setFlags(serial ? `--no-${FLAG}` : `--${FLAG}`);
  }
}

function cpuUsageMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}
