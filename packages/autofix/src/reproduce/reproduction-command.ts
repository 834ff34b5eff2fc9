import type { TestFramework } from '@fixloop/core';

/** Runs one test file (path relative to the project root) with the repository's framework. */
export function reproductionCommand(
  framework: TestFramework,
  path: string,
  nodeOptions: readonly string[],
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
      return `python3 -m pytest -q ${file}`;
  }
}

export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
