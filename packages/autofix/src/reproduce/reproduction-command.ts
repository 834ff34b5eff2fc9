import type { TestSetup } from './detect-test-setup.ts';
import { pytestRunner } from './pytest-runner.ts';

/**
 * Runs one test file (path relative to the project root) with the repository's framework: with the env
 * assignments, node options and loading options of its test script; pytest with the interpreter or runner
 * the repository's test command names (`testCommand`).
 */
export function reproductionCommand(
  setup: Pick<TestSetup, 'framework' | 'nodeOptions' | 'runner'>,
  path: string,
  testCommand?: string,
): string {
  const { framework, nodeOptions, runner } = setup;
  const file = shellQuote(path);
  const vars = runner.env.map((assignment) => `${assignment} `).join('');
  // A runner started through npx gets the options the way `NODE_OPTIONS=… jest` scripts pass them.
  const env = `${vars}${nodeOptions.length > 0 ? `NODE_OPTIONS=${shellQuote(nodeOptions.join(' '))} ` : ''}`;
  const options = runner.options.map((option) => `${option} `).join('');
  switch (framework) {
    case 'node:test':
      return [`${vars}node`, ...nodeOptions.map(shellQuote), '--test', file].join(' ');
    case 'vitest':
      return `${env}npx --no-install vitest run ${options}${file}`;
    case 'jest':
      return `${env}npx --no-install jest ${options}--runTestsByPath ${file}`;
    case 'mocha':
      return `${env}npx --no-install mocha ${options}${file}`;
    case 'pytest':
      return `${pytestRunner(testCommand)} -q ${file}`;
  }
}

export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
