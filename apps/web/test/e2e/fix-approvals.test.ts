import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AutofixTestShop, SHOP_CRASHES } from '@fixloop/server/testing';
import type { FixJson } from '@fixloop/server/testing';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../build-web-app.ts';
import { axeViolations } from './axe-violations.ts';

const CHROMIUM = '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../../../test-results/screenshots/', import.meta.url));
const ADMIN = { email: 'approver@example.com', password: 'e2e-approver-password-1' };

/** The fix JSON's issue reference (FixJson leaves it out). */
type ListedFix = FixJson & { issue: { shortId: string } };

describe.skipIf(!existsSync(CHROMIUM))('fix approvals in the dashboard, in real Chromium', () => {
  let shop: AutofixTestShop;
  let browser: Browser;
  let page: Page;
  let approved: ListedFix;
  let rejected: ListedFix;
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', shop.repo.remoteDir, ...args], { encoding: 'utf8' }).trim();
  const fixPage = (id: string) => `${shop.t.fixloop.url}/organizations/acme/fixes/${id}`;
  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  const fixCard = (title: string) => page.getByRole('region', { name: title, exact: true });

  beforeAll(async () => {
    // `npm start` serves apps/web/dist: build it the same way.
    buildWebApp(DIST);
    mkdirSync(SCREENSHOTS, { recursive: true });
    shop = await AutofixTestShop.start('sqlite', {
      env: { FIXLOOP_ADMIN_EMAIL: ADMIN.email, FIXLOOP_ADMIN_PASSWORD: ADMIN.password },
    });
    // Two issues with the same category B crash (a guard, so a person decides): one to approve, one to
    // reject. The custom fingerprint keeps the second out of the first's issue.
    const first = await shop.ingest(SHOP_CRASHES.missingCustomer());
    approved = ((await shop.settledFixes(first)) as ListedFix[])[0]!;
    const second = await shop.ingest({ ...SHOP_CRASHES.missingCustomer(), fingerprint: ['e2e-second'] });
    rejected = ((await shop.settledFixes(second)) as ListedFix[])[0]!;
    for (const fix of [approved, rejected])
      expect(fix).toMatchObject({ status: 'awaiting_approval', category: 'B', fixer: 'optional-guard' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${shop.t.fixloop.url}/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.stop();
  });

  it('approves a verified fix: its commit lands on the remote fix branch', async () => {
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
    await page.goto(`${shop.t.fixloop.url}/organizations/acme/fixes?status=awaiting_approval`);
    const list = page.getByRole('region', { name: 'Fix list' });
    await list.getByRole('link', { name: new RegExp(`${approved.issue.shortId} ·`) }).click();
    await page.waitForURL(fixPage(approved.id));

    await page.getByText('Awaiting approval').first().waitFor();
    await expect
      .poll(() => fixCard('Changes').textContent())
      .toContain("return 'Hello ' + (order.customer?.name ?? 'guest');");
    const verification = page.getByRole('list', { name: 'Verification log' });
    await verification.getByText('Before the fix').waitFor();
    expect(await verification.textContent()).toContain('After the fix· test passed');
    expect(await fixCard('Commit').textContent()).toContain('Not committed yet.');
    await shot('fix-awaiting-approval');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Fix approved').waitFor();
    await page.getByText('Committed', { exact: true }).first().waitFor();

    const fix = await shop.api.get<FixJson>(`/api/0/fixes/${approved.id}/`);
    expect(fix.body).toMatchObject({ status: 'committed', pushState: 'pushed' });
    const sha = fix.body.commitSha!;
    expect(shop.repo.remoteHead('fixloop')).toBe(sha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    expect(git('show', '--format=', '--name-only', sha)).toContain('src/greeting.js');
    expect(await fixCard('Commit').textContent()).toContain(sha.slice(0, 10));
    await page.getByRole('button', { name: 'Approve' }).waitFor({ state: 'detached' });
  }, 30_000);

  it('rejects the other fix with a reason: nothing is committed', async () => {
    const before = shop.repo.remoteHead('fixloop');
    const reason = 'Guests must log in first';
    await page.goto(fixPage(rejected.id));
    await page.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this fix' });
    const confirm = dialog.getByRole('button', { name: 'Reject fix' });
    // A rejection needs its reason.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill(reason);
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Rejected', { exact: true }).first().waitFor();
    await page.getByRole('note', { name: 'Decision' }).getByText(reason, { exact: false }).waitFor();
    expect(await page.getByRole('list', { name: 'Audit trail' }).textContent()).toContain(reason);
    await shot('fix-rejected');

    const fix = await shop.api.get<FixJson>(`/api/0/fixes/${rejected.id}/`);
    expect(fix.body).toMatchObject({ status: 'rejected', commitSha: null });
    expect(fix.body.approvals).toEqual([expect.objectContaining({ decision: 'rejected' })]);
    expect(fix.body.approvals[0]!.reason).toContain(reason);
    expect(shop.repo.remoteHead('fixloop')).toBe(before);
  }, 30_000);

  it('rolls the approved fix back: a revert commit on the fix branch', async () => {
    const committed = shop.repo.remoteHead('fixloop')!;
    await page.goto(fixPage(approved.id));
    await page.getByRole('button', { name: 'Rollback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back this fix' });
    await dialog.getByLabel('Reason (optional)').fill('breaks the guest checkout');
    await dialog.getByRole('button', { name: 'Roll back fix' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Rolled back', { exact: true }).first().waitFor();

    const fix = await shop.api.get<FixJson & { rollbackSha: string }>(`/api/0/fixes/${approved.id}/`);
    expect(fix.body.status).toBe('rolled_back');
    const revert = fix.body.rollbackSha;
    expect(shop.repo.remoteHead('fixloop')).toBe(revert);
    expect(git('rev-parse', `${revert}^`)).toBe(committed);
    expect(git('log', '-1', '--format=%B', revert)).toContain('breaks the guest checkout');
    // The revert restores main's file.
    expect(git('diff', shop.mainSha, revert, '--', 'src/greeting.js')).toBe('');
    expect(await fixCard('Commit').textContent()).toContain(`Reverted by${revert.slice(0, 10)}`);
    await page.getByRole('button', { name: 'Rollback' }).waitFor({ state: 'detached' });
    await shot('fix-rolled-back');
  }, 30_000);
});
