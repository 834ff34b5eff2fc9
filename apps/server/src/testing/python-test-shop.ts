import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '@fixloop/core';
import { FixtureRepository } from '@fixloop/verifier/testing';
import { AUTOFIX_ADMIN_TOKEN, waitFor, type FixJson } from './autofix-test-shop.ts';
import { TestApiClient } from './test-api-client.ts';
import { startTestFixloop, type TestBackend, type TestFixloop } from './test-fixloop.ts';

/** Debian's interpreter: the one with python3-sentry-sdk and python3-pytest (.ci/run installs both). */
export const PYTHON = '/usr/bin/python3';
/** The shop's whole test command, naming the interpreter so no other python3 on PATH is picked. */
export const PYTHON_TEST_COMMAND = `${PYTHON} -m pytest -q`;

/**
 * A tiny Python package with two bugs; its own pytest suite is green on main. `order_total` misspells a
 * name, after `wrap_fee` read `line["options"]["gift"]`, a level sentry-python sends as one repr string
 * (past its depth limit): the reproduction only gets as far as the NameError when it rebuilds that value.
 * `apply_discounts` (async, `*codes`, keyword-only `cap`) has no rate for an unknown code.
 */
export const PYTHON_SHOP_FILES: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "pyshop"\nversion = "0.1.0"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n', // prettier-ignore
  'shop/__init__.py': '',
  'shop/orders.py': [
    'def format_total(amount, currency):',
    '    return f"{amount:.2f} {currency}"',
    '',
    '',
    'def wrap_fee(line):',
    '    gift = line["options"]["gift"]',
    '    return 1.5 if gift["wrap"] else 0.0',
    '',
    '',
    'def order_total(order, currency="EUR"):',
    '    subtotal = sum(line["price"] * line["qty"] + wrap_fee(line) for line in order["lines"])',
    '    return format_totl(subtotal, currency)',
    '',
  ].join('\n'),
  'shop/discounts.py': [
    'import asyncio',
    '',
    'RATES = {"SUMMER": 0.1, "VIP": 0.2}',
    '',
    '',
    'async def apply_discounts(total, *codes, cap=0.5):',
    '    await asyncio.sleep(0)',
    '    rates = [RATES[code.upper()] for code in codes]',
    '    return round(total * (1 - min(sum(rates), cap)), 2)',
    '',
  ].join('\n'),
  'tests/test_discounts.py': [
    'import asyncio',
    '',
    'from shop.discounts import apply_discounts',
    '',
    '',
    'def test_caps_discounts():',
    '    assert asyncio.run(apply_discounts(100, "summer", "vip", cap=0.25)) == 75',
    '',
  ].join('\n'),
  'tests/test_orders.py': [
    'from shop.orders import format_total, wrap_fee',
    '',
    '',
    'def test_formats_totals():',
    '    assert format_total(5, "EUR") == "5.00 EUR"',
    '',
    '',
    'def test_charges_gift_wrap():',
    '    assert wrap_fee({"options": {"gift": {"wrap": "red"}}}) == 1.5',
    '',
  ].join('\n'),
};

/** The calls that crash the shop's service, one per bug. */
export const PYTHON_SHOP_CRASHES = {
  misspelledName: {
    error: 'NameError',
    code: 'from shop.orders import order_total\norder_total({"id": "A-1", "lines": [{"sku": "tea", "price": 2.5, "qty": 2, "options": {"gift": {"wrap": "red"}}}]}, currency="USD")', // prettier-ignore
  },
  unknownCode: {
    error: 'KeyError',
    code: 'import asyncio\nfrom shop.discounts import apply_discounts\nasyncio.run(apply_discounts(100, "summer", "winter", cap=0.3))', // prettier-ignore
  },
};

/** A service using the shop, instrumented with the real sentry-python (local variables are on by default). */
function service(code: string): string {
  const init = [
    'import os',
    'import sentry_sdk',
    '',
    'def before_send(event, hint):',
    '    print(event["event_id"], flush=True)',
    '    return event',
    '',
    'sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], before_send=before_send)',
  ];
  return [...init, code, ''].join('\n');
}

/** Why the Python end-to-end test cannot run here, or null: the SDK or pytest is missing. */
export function missingPythonTools(): string | null {
  const works = (args: string[]) => spawnSync(PYTHON, args, { stdio: 'ignore' }).status === 0;
  if (!works(['-c', 'import sentry_sdk'])) return `${PYTHON} cannot import sentry_sdk (apt-get install -y python3-sentry-sdk)`; // prettier-ignore
  if (!works(['-m', 'pytest', '--version']))
    return `${PYTHON} has no pytest (apt-get install -y python3-pytest)`;
  return null;
}

export interface PytestRun {
  passed: boolean;
  output: string;
}

/** A running Fixloop (org `acme`, project `shop`, platform python) connected to a fresh Python shop. */
export class PythonTestShop {
  readonly api: TestApiClient;
  readonly mainSha: string;

  private constructor(
    readonly t: TestFixloop,
    readonly repo: FixtureRepository,
    readonly projectId: number,
  ) {
    this.api = new TestApiClient(t.fixloop.url, AUTOFIX_ADMIN_TOKEN);
    this.mainSha = repo.head();
  }

  static async start(
    backend: TestBackend,
    project: Record<string, unknown>,
    config: Record<string, unknown>,
  ) {
    const repo = FixtureRepository.create(PYTHON_SHOP_FILES);
    const repository = {
      url: `file://${repo.remoteDir}`,
      baseBranch: 'main',
      testCommand: PYTHON_TEST_COMMAND,
    };
    const shop = { slug: 'shop', name: 'Shop', platform: 'python', repository, ...project };
    const configFile = { organizations: [{ slug: 'acme', name: 'Acme', projects: [shop] }], ...config };
    const env = { FIXLOOP_ADMIN_TOKEN: AUTOFIX_ADMIN_TOKEN, OPENAI_KEY_FOR_TEST: 'sk-test' };
    const t = await startTestFixloop({ backend, env, configFile });
    const organization = await t.fixloop.storage.projects.getOrganizationBySlug('acme');
    const stored = await t.fixloop.storage.projects.getProjectBySlug(organization!.id, 'shop');
    return new PythonTestShop(t, repo, stored!.id);
  }

  async stop(): Promise<void> {
    await this.t.stop();
    this.repo.remove();
  }

  /** Runs the service until sentry-python reported its uncaught crash; returns the stored event. */
  async crashService(crash: { error: string; code: string }): Promise<StoredEvent> {
    const [key] = await this.t.fixloop.storage.projects.listKeys(this.projectId);
    const dir = mkdtempSync(join(tmpdir(), 'fixloop-pyservice-'));
    try {
      writeFileSync(join(dir, 'service.py'), service(crash.code));
      const dsn = `http://${key!.publicKey}@127.0.0.1:${this.t.fixloop.port}/${this.projectId}`;
      const env = { PATH: process.env['PATH'], SENTRY_DSN: dsn, PYTHONPATH: this.repo.workDir, PYTHONDONTWRITEBYTECODE: '1' }; // prettier-ignore
      const run = spawnSync(PYTHON, [join(dir, 'service.py')], { env, encoding: 'utf8', timeout: 30_000 });
      // The excepthook integration reports the crash, then Python exits with 1 as in production.
      if (run.status !== 1 || !run.stderr.includes(crash.error)) throw new Error(`service: ${run.status} ${run.stderr}`); // prettier-ignore
      const eventId = run.stdout.trim().split('\n').pop()!.replace(/-/g, '');
      const stored = await waitFor('the event', () => this.t.fixloop.storage.events.getEvent(this.projectId, eventId), (e) => e !== null); // prettier-ignore
      return stored!;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The issue's fixes once its newest attempt's run (its job) has finished. */
  async settledFixes(issueId: number): Promise<FixJson[]> {
    const storage = this.t.fixloop.storage;
    await waitFor(
      `the attempt run of issue ${issueId}`,
      async () => {
        const [attempt] = await storage.fixes.listAttempts({ projectIds: [this.projectId], issueId, limit: 1, offset: 0 }); // prettier-ignore
        return attempt?.jobId ? (await storage.jobs.getJob(attempt.jobId))?.state : undefined;
      },
      (state) => state === 'done' || state === 'failed',
    );
    const response = await this.api.get<FixJson[]>(`/api/0/issues/${issueId}/fixes/`);
    return response.body;
  }

  /** Runs pytest (`args`, the whole suite when empty) on a fresh clone of `branch` of the remote. */
  pytestOn(branch: string, args: string[], extraFile?: { path: string; content: string }): PytestRun {
    const dir = mkdtempSync(join(tmpdir(), 'fixloop-pycheck-'));
    try {
      execFileSync('git', ['clone', '--quiet', '--branch', branch, this.repo.remoteDir, dir]);
      if (extraFile) writeFileSync(join(dir, extraFile.path), extraFile.content);
      const env = { PATH: process.env['PATH'], PYTHONDONTWRITEBYTECODE: '1', HOME: dir };
      const run = spawnSync(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...args], { cwd: dir, env, encoding: 'utf8' }); // prettier-ignore
      return { passed: run.status === 0, output: `${run.stdout}${run.stderr}` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
