import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, createTestUserToken, SHOP_CRASHES, TEST_BACKENDS } from '@fixloop/server/testing';
import type { FixJson } from '@fixloop/server/testing';
import { fixesCommand, parseFixesArgs, type FixesArgs } from './fixes-command.ts';

describe('parseFixesArgs', () => {
  it('takes an action, its target and its flags', () => {
    expect(parseFixesArgs(['list', 'acme', '--status', 'committed', '--project', 'shop'])).toMatchObject({ action: 'list', target: 'acme', status: 'committed', project: 'shop' }); // prettier-ignore
    expect(parseFixesArgs(['reject', '12', '--reason', 'wrong fix'])).toMatchObject({ action: 'reject', target: '12', reason: 'wrong fix' }); // prettier-ignore
    expect(parseFixesArgs(['start', 'SHOP-3', '--dry-run'])).toMatchObject({ action: 'start', target: 'SHOP-3', dryRun: true }); // prettier-ignore
  });

  it('explains what is wrong', () => {
    expect(parseFixesArgs([])).toMatch(/^usage: fixloop fixes/);
    expect(parseFixesArgs(['merge', '1'])).toMatch(/^usage: fixloop fixes/);
    expect(parseFixesArgs(['show'])).toMatch(/^usage: fixloop fixes/);
    expect(parseFixesArgs(['show', 'SHOP-1'])).toBe('the fix id must be a number, not "SHOP-1"');
    expect(parseFixesArgs(['reject', '1'])).toBe('a rejection needs --reason <text>');
    expect(parseFixesArgs(['approve', '1', '--dry-run'])).toMatch(/unexpected "--dry-run"/);
    expect(parseFixesArgs(['start', '1', '--timeout', 'soon'])).toBe('--timeout must be a positive number of seconds'); // prettier-ignore
  });

  it('says which server it could not reach, without a stack trace', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main, 'fixes', 'list'], {
      env: { PATH: process.env['PATH'], FIXLOOP_URL: 'http://127.0.0.1:9', FIXLOOP_TOKEN: 'fxl_unused' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^fixloop: cannot reach Fixloop at http:\/\/127\.0\.0\.1:9: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.each(TEST_BACKENDS)('fixloop fixes against a running Fixloop (%s)', (backend) => {
  let shop: AutofixTestShop;
  let waiting: FixJson;
  let token: string;
  const run = async (argv: string[]): Promise<{ code: number; out: string }> => {
    const args = parseFixesArgs(argv) as FixesArgs;
    const lines: string[] = [];
    const code = await fixesCommand({ url: shop.t.fixloop.url, token }, args, (line) => lines.push(line));
    return { code, out: lines.join('\n') };
  };

  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
    [waiting] = (await shop.settledFixes(await shop.ingest(SHOP_CRASHES.missingCustomer()))) as [FixJson];
    ({ token } = await createTestUserToken(shop.t.fixloop.storage, { organization: 'acme', role: 'owner' }));
  });
  afterAll(() => shop.stop());

  it('lists and shows fixes', async () => {
    const list = await run(['list', '--status', 'awaiting_approval']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(new RegExp(`^${waiting.id}\\s+awaiting_approval\\s+B\\s+SHOP-1\\s`));
    expect((await run(['list', 'acme', '--status', 'committed'])).out).toBe('no fixes');
    const show = await run(['show', waiting.id]);
    expect(show.out).toContain('verification: verified');
    expect(show.out).toContain("+  return 'Hello ' + (order.customer?.name ?? 'guest');");
  });

  it('runs a dry run and prints the verified diff without committing', async () => {
    const dry = await run(['start', 'SHOP-1', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^\d+\s+needs_review\s+B\s+SHOP-1/);
    expect(dry.out).toContain('verification: verified');
    expect(dry.out).toContain('order.customer?.name');
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
    const id = dry.out.split(/\s/)[0]!;
    expect((await run(['reject', id, '--reason', 'only a preview'])).out).toMatch(
      new RegExp(`^${id}\\s+rejected`),
    );
  });

  it('approves, rolls back and retries', async () => {
    const approved = await run(['approve', waiting.id]);
    expect(approved.out).toMatch(new RegExp(`^${waiting.id}\\s+committed\\s+B\\s+SHOP-1\\s.* [0-9a-f]{12} on fixloop$`)); // prettier-ignore
    expect(shop.repo.remoteHead('fixloop')).not.toBeNull();
    expect((await run(['rollback', waiting.id, '--reason', 'wrong default'])).out).toContain('rolled_back');
    expect((await run(['retry', waiting.id])).out).toMatch(new RegExp(`^${waiting.id}\\s+pending`));
    await shop.settledFixes(Number(waiting.issueId));
    await expect(run(['approve', '99999'])).rejects.toThrow('Fixloop API 404');
  });
});
