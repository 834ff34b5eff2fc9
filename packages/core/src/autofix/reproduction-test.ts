export const TEST_FRAMEWORKS = ['node:test', 'vitest', 'jest', 'mocha', 'pytest'] as const;
export type TestFramework = (typeof TEST_FRAMEWORKS)[number];

/** How the captured error shows in the output of a failing reproduction run. */
export interface ExpectedFailure {
  /** The event's exception type, e.g. `TypeError`. */
  errorType: string;
  /** Pieces of the event's message that must appear in order on one output line (paths reduced to file names). */
  fragments: string[];
}

/** A test, in the repository's own framework, that fails while the captured error still happens. */
export interface ReproductionTest {
  framework: TestFramework;
  /** Repository-relative path of the new test file. */
  path: string;
  content: string;
  /** Runs only this test, from the project root (the repository root or the configured subfolder). */
  command: string;
  expectedFailure: ExpectedFailure;
  /** What the test does, for people: e.g. `calls totals([{"id":1}]) from src/orders.js`. */
  description: string;
}
