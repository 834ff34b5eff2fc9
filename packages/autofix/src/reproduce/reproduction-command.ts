import type { TestFramework } from '@fixloop/core';
import { pytestRunner } from './pytest-runner.ts';

/**
 * Runs one test file (path relative to the project root) with the repository's framework; pytest with the
 * interpreter or runner the repository's test command names (`testCommand`).
 */
export function reproductionCommand(
  framework: TestFramework,
  path: string,
  nodeOptions: readonly string[],
  testCommand?: string,
): string {
  const file = shellQuote(path);
  // A runner started through npx gets the options the way `NODE_OPTIONS=… jest` scripts pass them.
  const env = nodeOptions.length > 0 ? `NODE_OPTIONS=${shellQuote(nodeOptions.join(' '))} ` : '';
  switch (framework) {
    case 'node:test':
      return ['node', ...nodeOptions.map(shellQuote), '--test', file].join(' ');
    case 'vitest':
      return `${env}npx --no-install vitest run ${file}`;
    case 'jest':
      return `${env}npx --no-install jest --runTestsByPath ${file}`;
    case 'mocha':
      return `${env}npx --no-install mocha ${file}`;
    case 'pytest':
      return `${pytestRunner(testCommand)} -q ${file}`;
  }
}

export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
