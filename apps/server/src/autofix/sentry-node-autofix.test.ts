import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, waitFor } from '../testing/autofix-test-shop.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';

/**
 * A service that uses the shop's code, instrumented with the real @sentry/node and
 * `includeLocalVariables`. It crashes (uncaught, in a timer) once the SDK's inspector worker has had
 * time to attach, as it has in any running service.
 */
function service(module: string, call: string): string {
  return `
const sdk = await import(process.env.SENTRY_NODE_URL);
const Sentry = sdk.init ? sdk : sdk.default;
Sentry.init({ dsn: process.env.SENTRY_DSN, includeLocalVariables: true });
const app = await import(new URL('${module}', process.env.APP_URL).href);
await new Promise((resolve) => setTimeout(resolve, 1500));
setTimeout(() => app.${call}, 0);
`;
}

describe.each(TEST_BACKENDS)('autofix of a crash reported by the real @sentry/node (%s)', (backend) => {
  let shop: AutofixTestShop;
  let dir: string;
  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
    dir = mkdtempSync(join(tmpdir(), 'fixloop-service-'));
  });
  afterAll(async () => {
    await shop.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the service until the SDK reported its crash; returns the crash's issue. */
  const crashService = async (name: string, module: string, call: string): Promise<number> => {
    const [key] = await shop.t.fixloop.storage.projects.listKeys(shop.projectId);
    const script = join(dir, `${name}.mjs`);
    writeFileSync(script, service(module, call));
    const crashed = spawnSync(process.execPath, [script], {
      env: {
        PATH: process.env['PATH'],
        SENTRY_DSN: `http://${key!.publicKey}@127.0.0.1:${shop.t.fixloop.port}/${shop.projectId}`,
        SENTRY_NODE_URL: pathToFileURL(createRequire(import.meta.url).resolve('@sentry/node')).href,
        APP_URL: pathToFileURL(join(shop.repo.workDir, 'src/')).href,
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    // The SDK reports the uncaught exception, then exits with 1 as in production.
    expect(crashed.status, crashed.stderr).toBe(1);
    const storage = shop.t.fixloop.storage;
    const { issues } = await waitFor(
      'the issue',
      () => storage.issues.listIssues({ projectIds: [shop.projectId], sort: 'date', limit: 50, offset: 0 }),
      (list) => list.issues.some((i) => i.title.includes(name)),
    );
    return issues.find((i) => i.title.includes(name))!.id;
  };

  it('commits a verified fix to the fix branch of the remote within 60 s, with no LLM', async () => {
    const started = Date.now();
    const issueId = await crashService('formatTotl', 'orders.js', 'orderTotal({ amount: 3 })');
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', category: 'A', fixer: 'misspelled-name', pushState: 'pushed' }); // prettier-ignore
    expect(Date.now() - started).toBeLessThan(60_000);
    // The reproduction calls the crashing function with the arguments the SDK captured.
    expect(fix!.testContent).toContain('orderTotal({ amount: 3 })');
    expect(shop.repo.remoteHead('fixloop')).toBe(fix!.commitSha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    expect(shop.testPassesOn('main', fix!.testFile!, fix!.testContent!)).toBe(false);
    expect(shop.testPassesOn('fixloop', fix!.testFile!, fix!.testContent!)).toBe(true);
  });

  it('infers the exported caller through Array.map, whose outer frames carry no vars', async () => {
    const issueId = await crashService('toUpperCse', 'labels.js', "shoutAll([{ name: 'ada' }])");
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', category: 'A', fixer: 'misspelled-name' });
    expect(fix!.testContent).toContain('shoutAll([{ name: "ada" }])');
    expect(fix!.diff).toContain('+  return order.name.toUpperCase();');
    expect(shop.testPassesOn('main', fix!.testFile!, fix!.testContent!)).toBe(false);
    expect(shop.testPassesOn('fixloop', fix!.testFile!, fix!.testContent!)).toBe(true);
  });
});
