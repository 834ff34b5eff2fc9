import { describe, expect, it } from 'vitest';
import { DEFAULT_PYTEST_RUNNER, pytestRunner } from './pytest-runner.ts';

describe('pytestRunner', () => {
  it.each([
    ['/usr/bin/python3 -m pytest -q', '/usr/bin/python3 -m pytest'],
    ['.venv/bin/python -m pytest', '.venv/bin/python -m pytest'],
    ['poetry run pytest -x --cov=shop', 'poetry run pytest'],
    ['pytest', 'pytest'],
    ['  pytest -q tests  ', 'pytest'],
    ['.venv/bin/pytest -q', '.venv/bin/pytest'],
    ['uv run --frozen pytest', 'uv run --frozen pytest'],
    ['PYTHONPATH=src python -m pytest tests', 'PYTHONPATH=src python -m pytest'],
    ['. .venv/bin/activate && pytest -q', '. .venv/bin/activate && pytest'],
    ['py.test -q', 'py.test'],
    ['pytest-3 -q', 'pytest-3'],
  ])('keeps the runner of `%s`: `%s`', (command, runner) => {
    expect(pytestRunner(command)).toBe(runner);
  });

  it.each([
    [undefined],
    [''],
    ['npm test'],
    ['tox -e py311'],
    ['make test'],
    ['python -m unittest'],
    ['python3 -m pytest_cov_report'],
    ['cd backend && pytest'],
  ])('falls back to python3 -m pytest for `%s`', (command) => {
    expect(pytestRunner(command)).toBe(DEFAULT_PYTEST_RUNNER);
  });
});
