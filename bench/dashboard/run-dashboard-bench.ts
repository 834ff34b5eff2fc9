// `npm run bench:dashboard`: first load of the dashboard's issue list with 10,000 issues, in Debian's
// Chromium against a real Fixloop on the embedded database, from a production build of apps/web.
// Usage: npm run bench:dashboard [-- --issues 10000 --runs 5]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildWebApp } from '../../apps/web/test/build-web-app.ts';
import { ADMIN, ORG, startDashboardFixloop } from '../../apps/web/test/e2e/start-dashboard-fixloop.ts';
import type { DashboardFixloop } from '../../apps/web/test/e2e/start-dashboard-fixloop.ts';
import { seedIssues } from './seed-issues.ts';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ISSUES = arg('issues', 10_000);
const RUNS = arg('runs', 5);

async function signedInState(
  browser: Browser,
  url: string,
): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('table', { name: 'Issues' }).waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/** One cold first load: a fresh browser context (empty cache), signed in, until the first rows show. */
async function firstLoad(
  browser: Browser,
  url: string,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${url}/organizations/${ORG}/issues`, { waitUntil: 'commit' });
  await page.locator('table[aria-label="Issues"] tbody tr').first().waitFor();
  const rowsMs = performance.now() - started;
  const rows = await page.locator('table[aria-label="Issues"] tbody tr').count();
  await context.close();
  return { rowsMs, rows };
}

async function timeApi(t: DashboardFixloop): Promise<number> {
  const started = performance.now();
  const response = await fetch(
    `${t.fixloop.url}/api/0/organizations/${ORG}/issues/?query=is:unresolved&statsPeriod=24h&limit=25`,
    {
      headers: { Authorization: `Bearer ${ADMIN.token}` },
    },
  );
  await response.json();
  if (!response.ok) throw new Error(`issue list API answered ${response.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const dist = join(root, 'apps', 'web', 'dist');
  buildWebApp(dist);
  const t = await startDashboardFixloop();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const seeded = await seedIssues(t, ISSUES);
    console.log(`seeded ${seeded.issues} issues in ${(seeded.ms / 1000).toFixed(1)} s`);
    const state = await signedInState(browser, t.fixloop.url);
    await firstLoad(browser, t.fixloop.url, state); // warm the server's caches once, as a running server has
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await firstLoad(browser, t.fixloop.url, state));
    const apiMs = [];
    for (let i = 0; i < RUNS; i++) apiMs.push(await timeApi(t));
    report(seeded.issues, loads, apiMs);
  } finally {
    await browser.close();
    await t.stop();
  }
}

function report(issues: number, loads: { rowsMs: number; rows: number }[], apiMs: number[]): void {
  const sorted = loads.map((l) => l.rowsMs).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const worst = sorted[sorted.length - 1] ?? NaN;
  const apiMedian = [...apiMs].sort((a, b) => a - b)[Math.floor(apiMs.length / 2)] ?? NaN;
  const lines = [
    `# Dashboard first load (${new Date().toISOString()})`,
    '',
    `- issues in the project: ${issues}`,
    `- first load of the issue list (cold browser cache, until the first rows render): median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms over ${loads.length} runs (target < 1000 ms)`,
    `- rows rendered on the first page: ${loads[0]?.rows ?? 0}`,
    `- issue list API (25 issues, statsPeriod=24h): median ${apiMedian.toFixed(0)} ms`,
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'dashboard.md'), lines.join('\n') + '\n');
}

await main();
