import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitCliWorkspace } from '@fixloop/git';
import { FixtureRepository } from '../src/testing/index.ts';

export const ORDERS_JS = `export function customerName(order) {
  return order.customer.name;
}

export function badge(order) {
  return order.customer?.vip ? 'VIP' : 'regular';
}
`;

export const ORDERS_TEST_JS = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badge, customerName } from '../src/orders.js';

test('names the customer', () => {
  assert.equal(customerName({ customer: { name: 'Ada' } }), 'Ada');
});

test('badges VIP customers', () => {
  assert.equal(badge({ customer: { vip: true } }), 'VIP');
});
`;

export const REPRO_TEST = {
  framework: 'node:test' as const,
  path: 'test/fixloop-issue-1.test.js',
  content: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customerName } from '../src/orders.js';

test('issue 1: customerName() no longer throws TypeError', () => {
  assert.doesNotThrow(() => customerName({ id: 1 }), TypeError);
});
`,
  command: 'node --test test/fixloop-issue-1.test.js',
  expectedFailure: {
    errorType: 'TypeError',
    fragments: ['Cannot read properties of undefined (reading', 'name'],
  },
  description: 'calls customerName({ id: 1 })',
};

/** A tiny ES-module shop app with node:test tests, pushed to a bare remote, and Fixloop's clone of it. */
export async function shopFixture(extraFiles: Record<string, string> = {}) {
  const repo = FixtureRepository.create({
    'package.json': JSON.stringify({ name: 'shop', type: 'module', scripts: { test: 'node --test' } }),
    'src/orders.js': ORDERS_JS,
    'test/orders.test.js': ORDERS_TEST_JS,
    ...extraFiles,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'fixloop-data-'));
  const git = new GitCliWorkspace({
    dataDir,
    settings: { url: repo.remoteDir, baseBranch: 'main' },
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
  });
  const base = await git.fetch();
  const cleanup = (): void => {
    repo.remove();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { repo, git, base, dataDir, cleanup };
}
