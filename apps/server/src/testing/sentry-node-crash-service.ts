import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { waitFor } from './autofix-test-shop.ts';
import type { AutofixTestShop } from './autofix-test-shop.ts';

/**
 * A service that uses the shop's code, instrumented with the real @sentry/node and
 * `includeLocalVariables`. It crashes (uncaught, in a timer) once the SDK's inspector worker has had
 * time to attach, as it has in any running service.
 */
function serviceScript(module: string, call: string): string {
  return `
const sdk = await import(process.env.SENTRY_NODE_URL);
const Sentry = sdk.init ? sdk : sdk.default;
Sentry.init({ dsn: process.env.SENTRY_DSN, includeLocalVariables: true });
const app = await import(new URL('${module}', process.env.APP_URL).href);
await new Promise((resolve) => setTimeout(resolve, 1500));
setTimeout(() => app.${call}, 0);
`;
}

/** Runs crashing services against a shop's Fixloop with the real @sentry/node. */
export class SentryNodeCrashService {
  private readonly dir = mkdtempSync(join(tmpdir(), 'fixloop-service-'));

  constructor(private readonly shop: AutofixTestShop) {}

  /** Runs `app.<call>` from the shop's `src/<module>` until the SDK reported its crash; returns the issue. */
  async crash(name: string, module: string, call: string): Promise<number> {
    const { shop } = this;
    const [key] = await shop.t.fixloop.storage.projects.listKeys(shop.projectId);
    const script = join(this.dir, `${name.replace(/\W+/g, '-')}.mjs`);
    writeFileSync(script, serviceScript(module, call));
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
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
