import { describe, expect, it } from 'vitest';
import { reproductionCommand } from './reproduction-command.ts';

describe('reproductionCommand', () => {
  const file = 'tests/test_fixloop_issue_7.py';

  it('runs pytest with the interpreter or runner the repository test command names', () => {
    expect(reproductionCommand('pytest', file, [], '/usr/bin/python3 -m pytest -q')).toBe(
      `/usr/bin/python3 -m pytest -q ${file}`,
    );
    expect(reproductionCommand('pytest', file, [], '.venv/bin/python -m pytest')).toBe(
      `.venv/bin/python -m pytest -q ${file}`,
    );
    expect(reproductionCommand('pytest', file, [], 'poetry run pytest --cov')).toBe(
      `poetry run pytest -q ${file}`,
    );
    expect(reproductionCommand('pytest', file, [], 'pytest')).toBe(`pytest -q ${file}`);
  });

  it('falls back to python3 -m pytest when the test command names no pytest', () => {
    expect(reproductionCommand('pytest', file, [], 'npm test')).toBe(`python3 -m pytest -q ${file}`);
    expect(reproductionCommand('pytest', file, [])).toBe(`python3 -m pytest -q ${file}`);
  });

  it('quotes the test path and passes the test script node options to JavaScript runners', () => {
    const path = "test/fixloop issue's.test.js";
    expect(reproductionCommand('node:test', path, ['--import', 'tsx'])).toBe(
      `node --import tsx --test 'test/fixloop issue'\\''s.test.js'`,
    );
    expect(reproductionCommand('jest', 'a.test.js', ['--experimental-vm-modules'])).toBe(
      'NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runTestsByPath a.test.js',
    );
    expect(reproductionCommand('vitest', 'a.test.ts', [])).toBe('npx --no-install vitest run a.test.ts');
  });
});
