import { execFile } from 'node:child_process';
import { AppError, type AppErrorCode } from '@fixloop/core';
import type { SecretRedactor } from './secret-redactor.ts';

export interface GitRunOptions {
  timeoutMs?: number;
  /** Stop reading stdout after this many bytes and report `truncated` instead of failing. */
  maxBytes?: number;
  /** Exit codes that are answers rather than failures (e.g. 1 for `merge-base --is-ancestor`). */
  okExitCodes?: number[];
  /** Extra environment for this command only (identity, credentials). */
  env?: Record<string, string>;
  input?: string;
  /** The AppError code a failure maps to; remote operations use 'unavailable'. */
  failureCode?: AppErrorCode;
}

export interface GitRunResult {
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
  exitCode: number;
  truncated: boolean;
}

export interface GitRunnerOptions {
  gitBinary: string;
  env: Record<string, string>;
  redactor: SecretRedactor;
  defaultTimeoutMs: number;
}

/**
 * Config that holds for every command: no credential helper may store the token, no hook or signing
 * program of the host runs, paths are printed raw, and the filesystem monitor stays off.
 */
const SAFE_CONFIG = [
  '-c', 'credential.helper=',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'commit.gpgSign=false',
  '-c', 'tag.gpgSign=false',
  '-c', 'core.quotePath=false',
  '-c', 'core.fsmonitor=false',
  '-c', 'advice.detachedHead=false',
]; // prettier-ignore

const DEFAULT_MAX_BUFFER = 256 * 1024 * 1024;

/** Runs `git -C <dir> …` with execFile (no shell), a timeout, and secrets redacted from every error. */
export class GitRunner {
  constructor(private readonly options: GitRunnerOptions) {}

  run(dir: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitRunResult> {
    const timeout = options.timeoutMs ?? this.options.defaultTimeoutMs;
    const maxBuffer = options.maxBytes ?? DEFAULT_MAX_BUFFER;
    const argv = ['-C', dir, ...SAFE_CONFIG, ...args];
    return new Promise((resolvePromise, reject) => {
      const child = execFile(
        this.options.gitBinary,
        argv,
        {
          env: { ...this.options.env, ...options.env },
          timeout,
          maxBuffer,
          encoding: 'buffer',
          killSignal: 'SIGKILL',
        },
        (error, stdout, stderr) => {
          const result = this.result(error, stdout, stderr, options.maxBytes);
          if (result.truncated || options.okExitCodes?.includes(result.exitCode) || result.exitCode === 0) {
            resolvePromise(result);
            return;
          }
          reject(this.failure(args, result, error, timeout, options.failureCode ?? 'internal'));
        },
      );
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input ?? '');
    });
  }

  redact(text: string): string {
    return this.options.redactor.redact(text);
  }

  private result(error: unknown, stdout: Buffer, stderr: Buffer, maxBytes?: number): GitRunResult {
    const code = (error as { code?: unknown } | null)?.code;
    const truncated = maxBytes !== undefined && code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
    const bytes = truncated ? stdout.subarray(0, maxBytes) : stdout;
    const exitCode = error === null ? 0 : typeof code === 'number' ? code : -1;
    return {
      stdout: bytes.toString('utf8'),
      stdoutBytes: bytes,
      stderr: stderr.toString('utf8'),
      exitCode,
      truncated,
    };
  }

  private failure(
    args: readonly string[],
    result: GitRunResult,
    error: unknown,
    timeoutMs: number,
    code: AppErrorCode,
  ): AppError {
    const command = `git ${args[0] ?? ''}`;
    const killed = (error as { killed?: boolean } | null)?.killed === true;
    if (killed && result.exitCode !== 0) {
      return new AppError('unavailable', `${command} timed out after ${Math.round(timeoutMs / 1000)} s`);
    }
    const detail = this.redact(result.stderr.trim() || String((error as Error | null)?.message ?? '')).slice(
      -2000,
    );
    return new AppError(code, this.redact(`${command} failed (exit ${result.exitCode}): ${detail}`), {
      exitCode: result.exitCode,
    });
  }
}
