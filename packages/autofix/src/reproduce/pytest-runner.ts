/** The interpreter-neutral fallback, for a test command that names no pytest (`npm test`, `make test`, `tox`). */
export const DEFAULT_PYTEST_RUNNER = 'python3 -m pytest';

/**
 * The part of the repository's test command that starts pytest: everything up to and including `pytest`
 * (`/usr/bin/python3 -m pytest`, `.venv/bin/python -m pytest`, `poetry run pytest`, `PYTHONPATH=src pytest`),
 * without the options after it, so the single reproduction test runs on the interpreter and in the
 * environment the suite does. A plain `python3` from PATH may be another interpreter (pyenv shims) that
 * lacks the project's dependencies. A `cd` before pytest would move away from the folder the test path is
 * relative to, so such a command falls back as well.
 */
export function pytestRunner(testCommand: string | undefined): string {
  const command = (testCommand ?? '').trim();
  const match = /^(.*?(?:^|[\s/])(?:pytest|py\.test)(?:-3)?)(?=$|[\s;&|])/.exec(command);
  const prefix = match?.[1]?.trim();
  if (!prefix || /(?:^|[;&|(]\s*)cd\s/.test(prefix)) return DEFAULT_PYTEST_RUNNER;
  return prefix;
}
