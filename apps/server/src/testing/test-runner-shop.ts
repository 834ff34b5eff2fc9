import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHOP_FILES } from './autofix-test-shop.ts';

export type ShopTestRunner = 'vitest' | 'jest' | 'mocha';

/** How each runner is set up in the shop: test script, module type, and one passing test in its style. */
const RUNNERS: Record<ShopTestRunner, { script: string; type: 'module' | 'commonjs'; test: string[] }> = {
  vitest: {
    script: 'vitest run',
    type: 'module',
    test: [
      "import { describe, expect, it } from 'vitest';",
      "import { itemCount } from '../src/orders.js';",
      "describe('orders', () => {",
      "  it('counts items', () => expect(itemCount({ items: [1, 2] })).toBe(2));",
      '});',
    ],
  },
  // Jest loads ES modules only behind --experimental-vm-modules; a plain Jest repository is CommonJS.
  jest: {
    script: 'jest',
    type: 'commonjs',
    test: [
      "const { itemCount } = require('../src/orders.js');",
      "describe('orders', () => {",
      "  test('counts items', () => expect(itemCount({ items: [1, 2] })).toBe(2));",
      '});',
    ],
  },
  mocha: {
    script: 'mocha',
    type: 'module',
    test: [
      "import assert from 'node:assert/strict';",
      "import { itemCount } from '../src/orders.js';",
      "describe('orders', () => {",
      "  it('counts items', () => assert.equal(itemCount({ items: [1, 2] }), 2));",
      '});',
    ],
  },
};

/**
 * The shop's orders module (with its misspelled `formatTotl`) and a passing test, for a repository whose
 * test script runs `runner`. Line 5 is the crash site of `SHOP_CRASHES.misspelledName` in every variant.
 */
export function testRunnerShopFiles(runner: ShopTestRunner): Record<string, string> {
  const { script, type, test } = RUNNERS[runner];
  const orders = SHOP_FILES['src/orders.js']!;
  return {
    'package.json': JSON.stringify({ name: 'shop', type, scripts: { test: script }, devDependencies: { [runner]: '*' } }), // prettier-ignore
    'src/orders.js':
      type === 'module'
        ? orders
        : `${orders.replace(/^export /gm, '')}module.exports = { orderTotal, itemCount };\n`,
    'test/orders.test.js': [...test, ''].join('\n'),
  };
}

/**
 * A `node_modules` folder holding only the runner (linked to the one installed here), which the shop's
 * install command links into each verification worktree: the repository gets its runner and nothing else.
 */
export class RunnerToolbox {
  private constructor(
    readonly runner: ShopTestRunner,
    readonly dir: string,
    private readonly bin: string,
  ) {}

  static create(runner: ShopTestRunner): RunnerToolbox {
    const installed = installedPackage(runner);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { bin: string | Record<string, string> }; // prettier-ignore
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[runner]!;
    const dir = mkdtempSync(join(tmpdir(), `fixloop-${runner}-toolbox-`));
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(installed, join(dir, 'node_modules', runner));
    symlinkSync(join('..', runner, bin), join(dir, 'node_modules', '.bin', runner));
    return new RunnerToolbox(runner, dir, join(dir, 'node_modules', runner, bin));
  }

  /** The project's `installCommand`. */
  get installCommand(): string {
    return `ln -s ${join(this.dir, 'node_modules')} node_modules`;
  }

  /**
   * Runs `testFile` with the runner on a fresh clone of `branch`, as a developer would, after writing
   * `files` (the test itself, and any edit to try) over the clone.
   */
  runTestOn(
    remoteDir: string,
    branch: string,
    testFile: string,
    files: Record<string, string>,
  ): { ok: boolean; output: string } {
    const dir = mkdtempSync(join(tmpdir(), 'fixloop-check-'));
    try {
      execFileSync('git', ['clone', '--quiet', '--branch', branch, remoteDir, dir]);
      execFileSync('/bin/sh', ['-c', this.installCommand], { cwd: dir });
      for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
      const args = { vitest: ['run', testFile], jest: ['--runTestsByPath', testFile], mocha: [testFile] }[
        this.runner
      ];
      // A clean environment: the runner must not see that it runs inside this Vitest.
      const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, CI: 'true', NO_COLOR: '1' };
      const run = spawnSync(process.execPath, [this.bin, ...args], { cwd: dir, env, encoding: 'utf8' });
      return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The runner's package folder in the nearest node_modules above this file (npm hoists it to the root). */
function installedPackage(name: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed`);
  }
}
