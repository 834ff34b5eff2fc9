import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureRepository } from '@fixloop/verifier/testing';
import { TestApiClient } from './test-api-client.ts';
import { newEventId, startTestFixloop } from './test-fixloop.ts';
import type { TestBackend, TestFixloop } from './test-fixloop.ts';

export const AUTOFIX_ADMIN_TOKEN = 'autofix-admin-token-0123456789abcdef';

/** A tiny Node project with known bugs; its own suite (`npm test` → `node --test`) is green on main. */
export const SHOP_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', type: 'module', scripts: { test: 'node --test' } }),
  'src/orders.js': [
    'function formatTotal(amount) {',
    '  return amount.toFixed(2);',
    '}',
    'export function orderTotal(order) {',
    '  return formatTotl(order.amount);',
    '}',
    'export function itemCount(order) {',
    '  return order.items.length;',
    '}',
    '',
  ].join('\n'),
  'src/greeting.js': [
    'export function greeting(order) {',
    "  return 'Hello ' + order.customer.name;",
    '}',
    'export function label(order) {',
    "  return order.customer?.name ?? 'guest';",
    '}',
    '',
  ].join('\n'),
  'src/stock.js': [
    'export function reserve(stock, qty) {',
    "  if (qty > stock.available) throw new RangeError('not enough stock');",
    '  return stock.available - qty;',
    '}',
    '',
  ].join('\n'),
  'src/money.js': 'export function toCents(amount) {\n  return Math.round(amount * 100);\n}\n',
  'src/cart.js': 'export function cartCents(cart) {\n  return toCents(cart.total);\n}\n',
  'src/report.js':
    "import { itemCount } from './Orders.js';\nexport function report(order) {\n  return `${itemCount(order)} items`;\n}\n",
  'src/labels.js': [
    'function shout(order) {',
    '  return order.name.toUpperCse();',
    '}',
    'export function shoutAll(orders) {',
    "  return orders.map((o) => shout(o)).join(',');",
    '}',
    '',
  ].join('\n'),
  'test/shop.test.js': [
    "import assert from 'node:assert/strict';",
    "import { test } from 'node:test';",
    "import { itemCount } from '../src/orders.js';",
    "import { label } from '../src/greeting.js';",
    "import { reserve } from '../src/stock.js';",
    "test('counts items', () => assert.equal(itemCount({ items: [1, 2] }), 2));",
    "test('labels guests', () => assert.equal(label({}), 'guest'));",
    "test('reserves stock', () => assert.equal(reserve({ available: 5 }, 2), 3));",
    '',
  ].join('\n'),
};

/** The crashes of the shop's bugs, as @sentry/node reports them (unhandled: blocking). */
export const SHOP_CRASHES = {
  /** Category A (misspelled-name fixer). */
  misspelledName: () => crash('ReferenceError', 'formatTotl is not defined', 'src/orders.js', 'orderTotal', 'formatTotl', { order: { amount: 3 } }), // prettier-ignore
  /** Category B (optional-guard fixer): waits for approval. */
  missingCustomer: () => crash('TypeError', "Cannot read properties of undefined (reading 'name')", 'src/greeting.js', 'greeting', 'name;', { order: { id: 1 } }), // prettier-ignore
  /** Category A (missing-import fixer): `toCents` is exported by src/money.js only. */
  missingImport: () => crash('ReferenceError', 'toCents is not defined', 'src/cart.js', 'cartCents', 'return', { cart: { total: 2.5 } }), // prettier-ignore
  /** Category A (module-path fixer): ERR_MODULE_NOT_FOUND carries only node-internal frames. */
  wrongImportCase: () => ({
    event_id: newEventId(),
    timestamp: Date.now() / 1000,
    platform: 'node',
    level: 'fatal',
    exception: {
      values: [
        {
          type: 'Error',
          value: "Cannot find module '/app/src/Orders.js' imported from /app/src/report.js",
          mechanism: { type: 'onuncaughtexception', handled: false },
          stacktrace: { frames: [{ filename: 'node:internal/modules/esm/resolve', function: 'finalizeResolution', in_app: false }] }, // prettier-ignore
        },
      ],
    },
  }),
  /** No captured arguments and no request: nothing to call the function with. */
  noArguments: () => crash('TypeError', "Cannot read properties of undefined (reading 'length')", 'src/orders.js', 'itemCount', 'length', undefined), // prettier-ignore
  /** No deterministic fixer handles it: only the LLM fixer can. */
  overbooked: () => crash('RangeError', 'not enough stock', 'src/stock.js', 'reserve', 'throw', { stock: { available: 2 }, qty: 5 }), // prettier-ignore
};

export interface FixJson {
  id: string;
  issueId: string;
  status: string;
  category: string | null;
  fixer: string | null;
  reason: string | null;
  diff: string | null;
  testFile: string | null;
  testContent: string | null;
  commitSha: string | null;
  branch: string;
  pushState: string | null;
  approverRole: string | null;
  verification: { outcome: string | null; reproducedBefore: boolean; passedAfter: boolean; suiteOk: boolean; log: string | null }; // prettier-ignore
  events: { state: string; from: string | null; actor: { type: string; name: string }; note: string }[];
  approvals: { decision: string; actor: { type: string; name: string }; reason: string }[];
}

/** 1-based line and column of `needle` in a shop file, as V8 reports the crash site. */
function positionOf(path: string, needle: string): { lineno: number; colno: number } {
  const text = SHOP_FILES[path] ?? '';
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { lineno: before.length, colno: (before.at(-1)?.length ?? 0) + 1 };
}

function crash(type: string, value: string, path: string, fn: string, needle: string, vars: unknown) {
  const app = (file: string) => ({ filename: `/app/${file}`, abs_path: `/app/${file}`, in_app: true });
  return {
    event_id: newEventId(),
    timestamp: Date.now() / 1000,
    platform: 'node',
    level: 'error',
    exception: {
      values: [
        {
          type,
          value,
          mechanism: { type: 'onuncaughtexception', handled: false },
          stacktrace: {
            frames: [
              { ...app('server.js'), function: 'handle', lineno: 3, colno: 1 },
              { ...app(path), function: fn, vars, ...positionOf(path, needle) },
            ],
          },
        },
      ],
    },
  };
}

export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

/**
 * A running Fixloop (org `acme`, project `shop`) connected to a fresh copy of the shop repository (a
 * working copy and a bare remote), with helpers to ingest crashes and read the resulting fixes.
 */
export class AutofixTestShop {
  readonly api: TestApiClient;
  readonly mainSha: string;

  private constructor(
    readonly t: TestFixloop,
    readonly repo: FixtureRepository,
    readonly projectId: number,
    private readonly options: { configFile: unknown; env: Record<string, string> },
  ) {
    this.api = new TestApiClient(t.fixloop.url, AUTOFIX_ADMIN_TOKEN);
    this.mainSha = repo.head();
  }

  static async start(
    backend: TestBackend,
    options: { project?: Record<string, unknown>; organization?: Record<string, unknown>; config?: Record<string, unknown>; env?: Record<string, string>; files?: Record<string, string>; repository?: Record<string, unknown> } = {}, // prettier-ignore
  ): Promise<AutofixTestShop> {
    const repo = FixtureRepository.create(options.files ?? SHOP_FILES);
    const shop = { slug: 'shop', name: 'Shop', repository: { url: `file://${repo.remoteDir}`, baseBranch: 'main', ...options.repository }, ...options.project }; // prettier-ignore
    const env = { FIXLOOP_ADMIN_TOKEN: AUTOFIX_ADMIN_TOKEN, ...options.env };
    const configFile = {
      organizations: [
        { slug: 'acme', name: 'Acme', projects: [shop], ...options.organization },
        { slug: 'rival', name: 'Rival', projects: [{ slug: 'other', name: 'Other' }] },
      ],
      ...options.config,
    };
    const t = await startTestFixloop({ backend, env, configFile });
    const organization = await t.fixloop.storage.projects.getOrganizationBySlug('acme');
    const project = await t.fixloop.storage.projects.getProjectBySlug(organization!.id, 'shop');
    return new AutofixTestShop(t, repo, project!.id, { configFile, env });
  }

  /** Another Fixloop process on the same PostgreSQL schema (its own data dir and clone). */
  async startSecondInstance(): Promise<TestFixloop> {
    const { schema } = this.t.config.database as { schema?: string };
    if (schema === undefined) throw new Error('a second instance needs the PostgreSQL backend');
    return startTestFixloop({ backend: 'postgres', schema, ...this.options });
  }

  async stop(): Promise<void> {
    await this.t.stop();
    this.repo.remove();
  }

  /** Sends the event to the store endpoint and returns its issue's id once it is stored. */
  async ingest(event: Record<string, unknown>): Promise<number> {
    const [key] = await this.t.fixloop.storage.projects.listKeys(this.projectId);
    const url = this.t.url(`/api/${this.projectId}/store/?sentry_key=${key!.publicKey}&sentry_version=7`);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) }); // prettier-ignore
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
    const stored = await waitFor(
      'the event',
      () => this.t.fixloop.storage.events.getEvent(this.projectId, String(event['event_id'])),
      (e) => e !== null,
    );
    return stored!.issueId;
  }

  async fixesOf(issueId: number): Promise<FixJson[]> {
    const response = await this.api.get<FixJson[]>(`/api/0/issues/${issueId}/fixes/`);
    if (response.status !== 200) throw new Error(`fixes answered ${response.status}`);
    return response.body;
  }

  /** The issue's fixes once its newest attempt's run (its job) has finished, follow-ups included. */
  async settledFixes(issueId: number): Promise<FixJson[]> {
    const storage = this.t.fixloop.storage;
    await waitFor(
      `the attempt run of issue ${issueId}`,
      async () => {
        const [attempt] = await storage.fixes.listAttempts({ projectIds: [this.projectId], issueId, limit: 1, offset: 0 }); // prettier-ignore
        const job = attempt?.jobId ? await storage.jobs.getJob(attempt.jobId) : null;
        return { state: attempt?.state, job: job?.state };
      },
      (run) => run.job === 'done' || run.job === 'failed',
    );
    return this.fixesOf(issueId);
  }

  /**
   * Waits until no job is due or running on two reads in a row: every follow-up of what happened so far
   * has run. (One read is not enough: `stats` counts and dates jobs in two queries, and a claim between
   * them looks idle.)
   */
  async quiet(): Promise<void> {
    const storage = this.t.fixloop.storage;
    let idleReads = 0;
    await waitFor(
      'an idle worker',
      async () => {
        const stats = await storage.jobs.stats(new Date());
        idleReads = stats.running === 0 && stats.oldestDueAt === null ? idleReads + 1 : 0;
        return idleReads;
      },
      (reads) => reads >= 2,
    );
  }

  /** The commit's parents line, subject and changed files on the remote. */
  commitSummary(sha: string): string {
    return execFileSync('git', ['-C', this.repo.remoteDir, 'show', '--name-only', '--format=%P%n%s', sha], {
      encoding: 'utf8',
    });
  }

  /** Runs `node --test <file>` on a fresh clone of `branch` of the remote: true when it passes. */
  testPassesOn(branch: string, testFile: string, testContent: string): boolean {
    const dir = mkdtempSync(join(tmpdir(), 'fixloop-check-'));
    try {
      execFileSync('git', ['clone', '--quiet', '--branch', branch, this.repo.remoteDir, dir]);
      writeFileSync(join(dir, testFile), testContent);
      return spawnSync(process.execPath, ['--test', testFile], { cwd: dir, encoding: 'utf8' }).status === 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
