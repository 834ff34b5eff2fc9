import { isAppError } from '@fixloop/core';

/**
 * Runs the investigation's steps, timing each. A failing step becomes a warning and a null result:
 * one broken source of evidence (a slow remote, a missing tool) must not cost the others.
 */
export class InvestigationSteps {
  readonly timings: Record<string, number> = {};
  readonly warnings: string[] = [];

  async run<T>(name: string, step: () => Promise<T>): Promise<T | null> {
    const started = performance.now();
    try {
      return await step();
    } catch (error) {
      this.warnings.push(`${name}: ${describeError(error)}`);
      return null;
    } finally {
      this.timings[name] = Math.round(performance.now() - started);
    }
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}

function describeError(error: unknown): string {
  if (isAppError(error)) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
