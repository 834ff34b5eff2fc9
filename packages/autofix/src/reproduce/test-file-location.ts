import { posix } from 'node:path';
import type { TestFramework } from '@fixloop/core';
import type { ModuleStyle } from '../source/module-style.ts';

const JS_TEST = /(^|[/._-])(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test|tests|__tests__)\/.+\.[cm]?[jt]sx?$/;
const PY_TEST = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;

export interface TestFileLocation {
  path: string;
  /** Module syntax the test is written in (the file extension is chosen to match it). */
  style: ModuleStyle;
}

/**
 * Where the reproduction test goes, following the repository's own habit: its test folder (`test/`,
 * `tests/`, `__tests__/`) when tests live there, beside the source file when tests sit next to code,
 * else `test/`. Suffix (`.test`/`.spec`) and extension follow the existing tests and the target's style.
 */
export function testFileLocation(input: {
  files: readonly string[];
  root: string;
  framework: TestFramework;
  targetPath: string;
  style: ModuleStyle;
  packageType: string | null;
  name: string;
}): TestFileLocation {
  const prefix = input.root ? `${input.root}/` : '';
  const inRoot = input.files.filter((f) => f.startsWith(prefix) && !f.includes('node_modules/'));
  if (input.framework === 'pytest') {
    const tests = inRoot.filter((f) => PY_TEST.test(f));
    const dir = mostCommon(tests.map((f) => posix.dirname(f))) ?? `${prefix}tests`;
    return { path: `${dir}/test_${input.name.replace(/-/g, '_')}.py`, style: 'esm' };
  }
  const tests = inRoot.filter((f) => JS_TEST.test(f.slice(prefix.length)));
  const suffix =
    tests.filter((f) => /\.spec\.[cm]?[jt]sx?$/.test(f)).length > tests.length / 2 ? 'spec' : 'test';
  const ext = extension(input);
  const folder = mostCommon(
    tests.map((f) => /^(test|tests|__tests__)\//.exec(f.slice(prefix.length))?.[1] ?? null),
  );
  const besideCode = folder === null && tests.length > 0;
  const dir = besideCode ? posix.dirname(input.targetPath) : `${prefix}${folder ?? 'test'}`;
  return {
    path: `${dir}/${input.name}.${suffix}${ext}`,
    style: input.framework === 'vitest' ? 'esm' : input.style,
  };
}

function extension(input: {
  targetPath: string;
  style: ModuleStyle;
  packageType: string | null;
  framework: TestFramework;
}): string {
  const targetExt = /\.[cm]?[jt]sx?$/.exec(input.targetPath)?.[0] ?? '.js';
  if (/tsx?$/.test(targetExt)) return '.ts';
  if (input.framework === 'vitest') return targetExt === '.cjs' ? '.js' : targetExt.replace('.jsx', '.js');
  const isModule = input.packageType === 'module';
  if (input.style === 'esm') return isModule ? '.js' : '.mjs';
  return isModule ? '.cjs' : '.js';
}

function mostCommon(values: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
