/** One command run in a folder by a child process, never in Fixloop's own process. */
export interface CommandRunRequest {
  /** A shell command line, e.g. `npm test` or `node --test test/x.test.js`. */
  command: string;
  cwd: string;
  timeoutMs: number;
  /** Added to the runner's sanitized environment (never Fixloop's own variables). */
  env?: Readonly<Record<string, string>>;
}

export interface CommandRun {
  command: string;
  /** Null when the process was killed (timeout) or ended by a signal. */
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** stdout and stderr interleaved as they arrived, capped at the runner's limit. */
  output: string;
  truncated: boolean;
}

/** Runs test, install and build commands of a project's repository with a timeout and captured logs. */
export interface TestRunner {
  run(request: CommandRunRequest): Promise<CommandRun>;
}
