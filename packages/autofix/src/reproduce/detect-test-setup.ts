import { posix } from 'node:path';
import type { TestFramework } from '@fixloop/core';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';
import { scriptRunner, type ScriptRunner } from './script-runner.ts';

export interface TestSetup {
  framework: TestFramework;
  /** package.json `type` (`module` or `commonjs`), null when absent or for Python. */
  packageType: string | null;
  /** Node options the repository's own test script passes (`--import tsx`, `--experimental-…`). */
  nodeOptions: string[];
  /** Env assignments and loading options around the runner in the test script. */
  runner: ScriptRunner;
}

interface PackageJson {
  type?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
}

const PYTHON_MARKERS = ['pyproject.toml', 'pytest.ini', 'setup.cfg', 'tox.ini', 'setup.py', 'conftest.py'];

/** The repository's test framework: package.json's test script, then its dependencies; pytest for Python. */
export async function detectTestSetup(
  repo: RepoSnapshot,
  root: string,
  platform: string,
): Promise<TestSetup | null> {
  const packageText = await repo.readText(posix.join(root || '.', 'package.json'));
  const isPython = platform === 'python' || packageText === null;
  if (isPython) {
    const files = new Set(await repo.listFiles());
    const hasMarker = PYTHON_MARKERS.some((marker) => files.has(posix.join(root || '.', marker)));
    if (hasMarker) {
      return { framework: 'pytest', packageType: null, nodeOptions: [], runner: { env: [], options: [] } };
    }
    if (packageText === null) return null;
  }
  const pkg = parsePackageJson(packageText ?? '{}');
  const script = typeof pkg.scripts?.test === 'string' ? pkg.scripts.test : '';
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const framework = frameworkOf(script, deps);
  return {
    framework,
    packageType: typeof pkg.type === 'string' ? pkg.type : null,
    nodeOptions: nodeOptionsOf(script),
    runner: scriptRunner(script, framework),
  };
}

function frameworkOf(script: string, deps: Record<string, unknown>): TestFramework {
  if (/\bvitest\b/.test(script)) return 'vitest';
  if (/\bjest\b/.test(script)) return 'jest';
  if (/\bmocha\b/.test(script)) return 'mocha';
  if (/\bnode\b[^&|;]*\s--test\b/.test(script)) return 'node:test';
  if ('vitest' in deps) return 'vitest';
  if ('jest' in deps) return 'jest';
  if ('mocha' in deps) return 'mocha';
  return 'node:test';
}

/**
 * Options such as `--import tsx` or `--experimental-vm-modules` (ESM under Jest) that the reproduction run
 * needs to load the code like the test script does: from `node <options> …` and from `NODE_OPTIONS=…`.
 */
function nodeOptionsOf(script: string): string[] {
  const env = /\bNODE_OPTIONS=(?:'([^']*)'|"([^"]*)"|(\S+))/.exec(script);
  const node = /\bnode\s+([^&|;]*)/.exec(script)?.[1] ?? '';
  const tokens = [env?.[1] ?? env?.[2] ?? env?.[3] ?? '', node].join(' ').split(/\s+/).filter(Boolean);
  const options: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (/^--(import|require|loader|experimental-loader)$/.test(token) && tokens[i + 1]) {
      options.push(token, tokens[++i] ?? '');
    } else if (
      /^--(import|require|loader|experimental-[\w-]+|no-warnings|enable-source-maps)(=.*)?$/.test(token)
    ) {
      options.push(token);
    }
  }
  return options;
}

function parsePackageJson(text: string): PackageJson {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as PackageJson) : {};
  } catch {
    return {};
  }
}
