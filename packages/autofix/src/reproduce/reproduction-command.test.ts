import { describe, expect, it } from 'vitest';
import type { TestFramework } from '@fixloop/core';
import { reproductionCommand } from './reproduction-command.ts';

const setup = (framework: TestFramework, nodeOptions: string[] = [], env: string[] = [], options: string[] = []) => ({
  framework,
  nodeOptions,
  runner: { env, options },
}); // prettier-ignore

describe('reproductionCommand', () => {
  const file = 'tests/test_fixloop_issue_7.py';
  const pytest = setup('pytest');

  it('runs pytest with the interpreter or runner the repository test command names', () => {
    expect(reproductionCommand(pytest, file, '/usr/bin/python3 -m pytest -q')).toBe(
      `/usr/bin/python3 -m pytest -q ${file}`,
    );
    expect(reproductionCommand(pytest, file, '.venv/bin/python -m pytest')).toBe(
      `.venv/bin/python -m pytest -q ${file}`,
    );
    expect(reproductionCommand(pytest, file, 'poetry run pytest --cov')).toBe(`poetry run pytest -q ${file}`);
    expect(reproductionCommand(pytest, file, 'pytest')).toBe(`pytest -q ${file}`);
  });

  it('falls back to python3 -m pytest when the test command names no pytest', () => {
    expect(reproductionCommand(pytest, file, 'npm test')).toBe(`python3 -m pytest -q ${file}`);
    expect(reproductionCommand(pytest, file)).toBe(`python3 -m pytest -q ${file}`);
  });

  it('quotes the test path and passes the test script node options to JavaScript runners', () => {
    const path = "test/fixloop issue's.test.js";
    expect(reproductionCommand(setup('node:test', ['--import', 'tsx']), path)).toBe(
      `node --import tsx --test 'test/fixloop issue'\\''s.test.js'`,
    );
    expect(reproductionCommand(setup('jest', ['--experimental-vm-modules']), 'a.test.js')).toBe(
      'NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runTestsByPath a.test.js',
    );
    expect(reproductionCommand(setup('vitest'), 'a.test.ts')).toBe('npx --no-install vitest run a.test.ts');
  });

  it('keeps the env assignments and loading options the test script gives its runner', () => {
    expect(reproductionCommand(setup('jest', ['--experimental-vm-modules'], ['TZ=UTC'], ['--config', 'jest.unit.js']), 'a.test.js')).toBe(
      'TZ=UTC NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --config jest.unit.js --runTestsByPath a.test.js',
    ); // prettier-ignore
    expect(reproductionCommand(setup('mocha', [], [], ['-r', 'ts-node/register']), 'a.test.ts')).toBe(
      'npx --no-install mocha -r ts-node/register a.test.ts',
    );
    expect(reproductionCommand(setup('vitest', [], ['NODE_ENV=test'], ['-c', 'v.ts']), 'a.test.ts')).toBe(
      'NODE_ENV=test npx --no-install vitest run -c v.ts a.test.ts',
    );
    expect(reproductionCommand(setup('node:test', ['--import', 'tsx'], ['TZ=UTC']), 'a.test.ts')).toBe(
      'TZ=UTC node --import tsx --test a.test.ts',
    );
  });
});
