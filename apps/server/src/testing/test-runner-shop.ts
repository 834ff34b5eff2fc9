import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'; // prettier-ignore
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHOP_FILES } from './autofix-test-shop.ts';

/** A runner, and the way a repository sets it up (`jest-esm`: Jest on ES modules, behind a Node flag). */
export type ShopTestRunner = 'vitest' | 'jest' | 'jest-esm' | 'mocha';

interface RunnerSetup {
  /** The npm package (and bin) of the runner. */
  tool: 'vitest' | 'jest' | 'mocha';
  script: string;
  type: 'module' | 'commonjs';
  /** Node options the script passes, which a developer running one test passes too. */
  nodeOptions: string;
  /** One passing test in the runner's style. */
  test: string[];
}

const JEST_TEST = [
  "describe('orders', () => {",
  "  test('counts items', () => expect(itemCount({ items: [1, 2] })).toBe(2));",
  '});',
];

const RUNNERS: Record<ShopTestRunner, RunnerSetup> = {
  vitest: {
    tool: 'vitest',
    script: 'vitest run',
    type: 'module',
    nodeOptions: '',
    test: [
      "import { describe, expect, it } from 'vitest';",
      "import { itemCount } from '../src/orders.js';",
      "describe('orders', () => {",
      "  it('counts items', () => expect(itemCount({ items: [1, 2] })).toBe(2));",
      '});',
    ],
  },
  // Without transforms, Jest loads CommonJS; ES modules only behind --experimental-vm-modules.
  jest: {
    tool: 'jest',
    script: 'jest',
    type: 'commonjs',
    nodeOptions: '',
    test: ["const { itemCount } = require('../src/orders.js');", ...JEST_TEST],
  },
  // The setup Jest's documentation gives for ES modules.
  'jest-esm': {
    tool: 'jest',
    script: 'NODE_OPTIONS="$NODE_OPTIONS --experimental-vm-modules" jest',
    type: 'module',
    nodeOptions: '--experimental-vm-modules',
    test: ["import { itemCount } from '../src/orders.js';", ...JEST_TEST],
  },
  mocha: {
    tool: 'mocha',
    script: 'mocha',
    type: 'module',
    nodeOptions: '',
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
  const { tool, script, type, test } = RUNNERS[runner];
  const orders = SHOP_FILES['src/orders.js']!;
  return {
    'package.json': JSON.stringify({ name: 'shop', type, scripts: { test: script }, devDependencies: { [tool]: '*' } }), // prettier-ignore
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
    const { tool } = RUNNERS[runner];
    const installed = installedPackage(tool);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { bin: string | Record<string, string> }; // prettier-ignore
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[tool]!;
    const dir = mkdtempSync(join(tmpdir(), `fixloop-${tool}-toolbox-`));
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(installed, join(dir, 'node_modules', tool));
    symlinkSync(join('..', tool, bin), join(dir, 'node_modules', '.bin', tool));
    return new RunnerToolbox(runner, dir, join(dir, 'node_modules', tool, bin));
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
      const { tool, nodeOptions } = RUNNERS[this.runner];
      const args = { vitest: ['run', testFile], jest: ['--runTestsByPath', testFile], mocha: [testFile] }[tool]; // prettier-ignore
      // A clean environment: the runner must not see that it runs inside this Vitest.
      const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, CI: 'true', NO_COLOR: '1', NODE_OPTIONS: nodeOptions }; // prettier-ignore
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
