import { existsSync, mkdirSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../build-web-app.ts';
import { axeViolations } from './axe-violations.ts';
import { startWebhookReceiver } from './start-webhook-receiver.ts';
import { runCheckoutClient } from './run-checkout-client.ts';
import { ADMIN, ORG, PROJECT, startDashboardFixloop } from './start-dashboard-fixloop.ts';
import type { DashboardFixloop } from './start-dashboard-fixloop.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../../../test-results/screenshots/', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the dashboard end-to-end test: ${CHROMIUM} is missing.\n` +
      `!! Install Debian's chromium (apt-get install chromium; .ci/run does) to run it.\n${'!'.repeat(78)}\n`,
  );
}

describe.skipIf(!hasChromium)('the dashboard in real Chromium against a running Fixloop', () => {
  let t: DashboardFixloop;
  let browser: Browser;
  let page: Page;
  let issueId: number;
  const nonce = randomBytes(4).toString('hex');
  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  const api = async (path: string) => {
    const response = await fetch(t.fixloop.url + path, {
      headers: { Authorization: `Bearer ${ADMIN.token}` },
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => null)) as Record<string, unknown> | null,
    };
  };

  beforeAll(async () => {
    // `npm start` serves apps/web/dist: build it the same way.
    buildWebApp(DIST);
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startDashboardFixloop();
    const eventId = await runCheckoutClient(t.fixloop.dsn, nonce);
    issueId = await t.waitForIssueOf(eventId);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('logs in, finds the issue by search, filters its timeline to the network, resolves it', async () => {
    // A deep link survives the login round trip.
    await page.goto(`${t.fixloop.url}/organizations/${ORG}/issues`);
    await page.waitForURL(/\/login\?next=/);
    await shot('login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/organizations/${ORG}/issues`));
    await page.getByRole('table', { name: 'Issues' }).waitFor();

    // Sentry search syntax: status, level and free text.
    const search = page.getByRole('combobox', { name: 'Search issues' });
    await search.fill(`is:unresolved level:error ${nonce}`);
    await search.press('Enter');
    await page.waitForURL(/query=/);
    const row = page.locator('tbody tr', { hasText: nonce });
    await row.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await shot('issues');
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/issues/${issueId}`));
    await page.getByRole('heading', { level: 1, name: /TypeError/ }).waitFor();
    await page.getByRole('list', { name: 'Event timeline' }).waitFor();
    await shot('issue-detail');
    expect(await axeViolations(page)).toEqual([]);

    // Timeline: network layer only; the 502 exchange is there, the error stays marked in place.
    const filters = page.getByRole('group', { name: 'Filter timeline by layer' });
    await filters.getByRole('button', { name: /Network/ }).click();
    await page.waitForURL(/layers=network/);
    // The router commits the URL before React re-renders the list: wait for the filtered render.
    await filters.getByRole('button', { name: /Network/, pressed: true }).waitFor();
    const rows = page.getByRole('list', { name: 'Event timeline' }).locator(':scope > li');
    const unfiltered = () =>
      rows.evaluateAll(
        (items) =>
          items.filter(
            (li) => li.getAttribute('data-layer') !== 'network' && li.getAttribute('data-error') !== 'true',
          ).length,
      );
    await expect.poll(unfiltered, { timeout: 5_000 }).toBe(0);
    const layers = await rows.evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-layer'), li.getAttribute('data-error')]),
    );
    expect(layers.length).toBeGreaterThan(1);
    for (const [layer, error] of layers)
      expect(layer === 'network' || error === 'true', String(layer)).toBe(true);
    expect(await rows.filter({ hasText: '502' }).count()).toBeGreaterThan(0);
    await page.locator('#timeline').screenshot({ path: `${SCREENSHOTS}timeline-network.png` });

    // The filtered view is a deep link: it survives a reload.
    await page.reload();
    await filters.getByRole('button', { name: /Network/, pressed: true }).waitFor();

    await page
      .getByRole('toolbar', { name: 'Issue actions' })
      .getByRole('button', { name: 'Resolve' })
      .click();
    await page.getByText('Issue resolved').waitFor();
    const issue = await api(`/api/0/issues/${issueId}/`);
    expect(issue.status).toBe(200);
    expect(issue.body?.['status']).toBe('resolved');

    for (const [name, path] of [
      ['fixes', `/organizations/${ORG}/fixes`],
      ['investigations', `/organizations/${ORG}/investigations`],
      ['settings', `/organizations/${ORG}/settings/worker`],
    ] as const) {
      await page.goto(t.fixloop.url + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await shot(name);
    }
  }, 120_000);

  it('sets up an alert channel, sends a test message to it, adds a rule, and shows the delivery', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await page.goto(`${t.fixloop.url}/organizations/${ORG}/settings/alerts`);
      if (page.url().includes('/login')) {
        await page.getByLabel('Email').fill(ADMIN.email);
        await page.getByLabel('Password').fill(ADMIN.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
      }
      const channels = page.getByRole('region', { name: 'Alert channels' });
      await channels.getByRole('button', { name: 'New channel' }).click();
      const dialog = page.getByRole('dialog', { name: 'New alert channel' });
      await dialog.getByLabel('Name').fill('lan-hook');
      await dialog.getByLabel('Kind').selectOption('webhook');
      await dialog.getByLabel('URL (required)').fill(`${receiver.url}/hook`);
      await dialog.getByLabel('Signing secret').fill('e2e-hook-secret');
      // The receiver is on 127.0.0.1: only an owner may allow that.
      await dialog.getByLabel(/Allow private network addresses/).check();
      await dialog.getByRole('button', { name: 'Create channel' }).click();
      await dialog.waitFor({ state: 'detached' });

      await channels.getByRole('button', { name: 'Send test message to lan-hook' }).click();
      await channels.getByRole('status').filter({ hasText: 'Test message sent' }).waitFor();
      expect(receiver.requests).toHaveLength(1);
      const hook = receiver.requests[0];
      expect(hook?.headers['sentry-hook-signature']).toBe(
        createHmac('sha256', 'e2e-hook-secret')
          .update(hook?.body ?? '')
          .digest('hex'),
      );
      const stored = await api(`/api/0/organizations/${ORG}/alert-channels/`);
      expect(JSON.stringify(stored.body)).not.toContain('e2e-hook-secret');

      const rules = page.getByRole('region', { name: 'Alert rules' });
      await rules.getByRole('button', { name: 'New rule' }).click();
      const ruleDialog = page.getByRole('dialog', { name: 'New alert rule' });
      await ruleDialog.getByLabel('Rule name').fill('E2E regressions');
      await ruleDialog.getByLabel('Regression').check();
      await ruleDialog.getByLabel('Environments').fill('production');
      await ruleDialog.getByLabel('lan-hook (Webhook)').check();
      await ruleDialog.getByRole('button', { name: 'Create rule' }).click();
      await ruleDialog.waitFor({ state: 'detached' });
      await rules.getByText('E2E regressions').waitFor();
      const listed = await api(`/api/0/projects/${ORG}/${PROJECT}/alert-rules/`);
      const created = (listed.body as unknown as Record<string, unknown>[]).find(
        (r) => r['name'] === 'E2E regressions',
      );
      expect(created).toMatchObject({
        triggers: [{ type: 'regression' }],
        filters: { environments: ['production'] },
        channels: [{ channelId: expect.any(String) }],
      });

      // The log was read when the page opened; a reload shows the test delivery.
      await page.reload();
      const row = page
        .getByRole('region', { name: 'Delivery log' })
        .locator('tbody tr', { hasText: 'lan-hook' });
      await row.first().waitFor();
      expect(await row.first().textContent()).toContain('sent');
      await page.waitForLoadState('networkidle');
      await shot('settings-alerts');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await receiver.close();
    }
  }, 120_000);
});
