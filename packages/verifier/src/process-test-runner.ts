import { spawn } from 'node:child_process';
import type { CommandRun, CommandRunRequest, TestRunner } from '@fixloop/core';
import { OutputCollector } from './output-collector.ts';

export interface ProcessTestRunnerOptions {
  /** The sanitized environment (see `sandboxEnvironment`); the request's `env` is added on top. */
  env: Readonly<Record<string, string>>;
  /** Output kept per run; beyond it the start and the end are kept. Default 1 MiB. */
  maxOutputBytes?: number;
  shell?: string;
}

/**
 * Runs each command in its own process group through a shell, so a timeout kills the command and every
 * process it started (test servers, watchers), and stray children are reaped when it ends.
 */
export class ProcessTestRunner implements TestRunner {
  constructor(private readonly options: ProcessTestRunnerOptions) {}

  run(request: CommandRunRequest): Promise<CommandRun> {
    const started = Date.now();
    const output = new OutputCollector(this.options.maxOutputBytes ?? 1024 * 1024);
    return new Promise((resolve) => {
      const child = spawn(this.options.shell ?? '/bin/sh', ['-c', request.command], {
        cwd: request.cwd,
        env: { ...this.options.env, ...request.env },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, request.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
      const finish = (exitCode: number | null): void => {
        clearTimeout(timer);
        killGroup(child.pid);
        const { text, truncated } = output.result();
        resolve({ command: request.command, exitCode: timedOut ? null : exitCode, timedOut, durationMs: Date.now() - started, output: text, truncated }); // prettier-ignore
      };
      child.on('error', (error) => {
        output.push(Buffer.from(`\n[fixloop] could not start the command: ${error.message}\n`));
        finish(127);
      });
      child.on('close', (code) => finish(code));
    });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
