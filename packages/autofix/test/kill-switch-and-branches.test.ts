import { afterEach, describe, expect, it } from 'vitest';
import { withRepositoryDefaults } from '@fixloop/core';
import { commitToFixBranch } from '../src/attempt/commit-to-fix-branch.ts';
import { buildFixPatch, rollbackFixAttempt, runFixAttempt, syncFixBranch } from '../src/index.ts';
import { autofixHarness, BOT, type AutofixHarness } from './support/autofix-harness.ts';
import { MISSING_IMPORT, SHOP_BASE } from './support/shop-app.ts';
import { missingImportEvent } from './support/shop-events.ts';

const HOUR = 60 * 60 * 1000;
const harnesses: AutofixHarness[] = [];
afterEach(() => harnesses.splice(0).forEach((h) => h.cleanup()));

async function harness() {
  const h = await autofixHarness({ ...SHOP_BASE, ...MISSING_IMPORT }, process.env);
  harnesses.push(h);
  return h;
}

describe('the kill switch', () => {
  it('starts nothing while it is off', async () => {
    const h = await harness();
    h.switches.projectEnabled = false;
    const attempt = await runFixAttempt(h.input(missingImportEvent()), h.ports);
    expect(attempt.state).toBe('failed');
    expect(attempt.reason).toBe('stopped before reproduction: autofix is switched off for this project');
    expect(h.journal.transitions.map((t) => [t.from, t.to])).toEqual([['pending', 'failed']]);
    expect(attempt.baseSha).toBeNull();
  });

  it('stops a running attempt before its next step', async () => {
    const h = await harness();
    h.journal.onTransition = (t) => {
      if (t.to === 'verifying') h.switches.globalEnabled = false;
    };
    const attempt = await runFixAttempt(h.input(missingImportEvent()), h.ports);
    expect(attempt.state).toBe('failed');
    expect(attempt.reason).toBe('stopped before verification: autofix is switched off globally');
    expect(h.journal.states()).toEqual(['reproducing', 'generating', 'verifying', 'failed']);
    expect(h.repo.remoteHead('fixloop')).toBeNull();
  });
});

describe('branches', () => {
  it('never writes to a protected branch, even when configured as the fix branch', async () => {
    const h = await harness();
    for (const fixBranch of ['main', 'staging', 'release']) {
      const repository = withRepositoryDefaults({
        url: h.repo.remoteDir,
        baseBranch: 'main',
        fixBranch,
        protectedBranches: ['release'],
      });
      const attempt = await runFixAttempt(h.input(missingImportEvent(), { repository }), h.ports);
      expect(attempt.state, fixBranch).toBe('failed');
      expect(attempt.reason).toContain(`refusing to write to protected branch "${fixBranch}"`);
    }
    // Below the engine's own check, the git adapter refuses too.
    const patch = buildFixPatch([{ path: 'NOTES.md', before: null, after: 'x\n' }]);
    for (const branch of ['main', 'refs/heads/main', 'Staging', 'master']) {
      const commit = commitToFixBranch(h.git, {
        baseSha: h.baseSha,
        patch,
        branch,
        message: 'x',
        date: new Date(),
        push: true,
      });
      await expect(commit, branch).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(h.repo.remoteHead('main')).toBe(h.baseSha);
    expect(h.repo.remoteHead('staging')).toBeNull();
    expect(h.repo.remoteHead('master')).toBeNull();
  });

  it('rolls a committed fix back within 24 hours, and refuses after', async () => {
    const h = await harness();
    const attempt = await runFixAttempt(h.input(missingImportEvent()), h.ports, { botIdentity: BOT });
    expect(attempt.state).toBe('committed');
    const committedAt = attempt.committedAt ?? new Date(0);
    h.clock.set(new Date(committedAt.getTime() + 25 * HOUR));
    const late = await rollbackFixAttempt(attempt, { kind: 'user', userId: 1 }, h.ports);
    expect(late).toMatchObject({ ok: false, code: 'expired' });
    h.clock.set(new Date(committedAt.getTime() + 23 * HOUR));
    const rolledBack = await rollbackFixAttempt(attempt, { kind: 'agent', name: 'ci-watch' }, h.ports, {
      botIdentity: BOT,
      reason: 'CI failed',
    });
    if (!rolledBack.ok) throw new Error(rolledBack.reason);
    expect(rolledBack.record.state).toBe('rolled_back');
    const tip = h.repo.remoteHead('fixloop') ?? '';
    expect(h.repo.git('--git-dir', h.repo.remoteDir, 'rev-parse', `${tip}^`).trim()).toBe(attempt.commitSha);
    expect(h.repo.remoteFile('fixloop', 'src/labels.js')).toBe(MISSING_IMPORT['src/labels.js']);
    expect(h.repo.git('--git-dir', h.repo.remoteDir, 'log', '-1', '--format=%B', tip)).toContain(
      'Rolled back by agent ci-watch',
    );
    expect(h.journal.transitions.at(-1)).toMatchObject({
      to: 'rolled_back',
      actor: { kind: 'agent', name: 'ci-watch' },
    });
    expect(await rollbackFixAttempt(rolledBack.record, { kind: 'user', userId: 1 }, h.ports)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(h.repo.remoteHead('main')).toBe(h.baseSha);
  });

  it('resets the fix branch to the base head once it has been merged', async () => {
    const h = await harness();
    expect(await syncFixBranch(h.git, { fixBranch: 'fixloop' })).toMatchObject({ status: 'absent' });
    const attempt = await runFixAttempt(h.input(missingImportEvent()), h.ports, { botIdentity: BOT });
    expect(await syncFixBranch(h.git, { fixBranch: 'fixloop' })).toMatchObject({
      status: 'unmerged',
      fixSha: attempt.commitSha,
    });
    h.repo.git('fetch', '--quiet', 'origin');
    h.repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge fixloop', 'origin/fixloop');
    h.repo.commit({ 'README.md': 'later work\n' }, 'Later work on main');
    h.repo.git('push', '--quiet', 'origin', 'main');
    const merged = h.repo.head();
    const sync = await syncFixBranch(h.git, { fixBranch: 'fixloop' });
    expect(sync).toEqual({ status: 'reset', baseSha: merged, previousFixSha: attempt.commitSha, mergedBy: 'ancestry' }); // prettier-ignore
    expect(h.repo.remoteHead('fixloop')).toBe(merged);
    expect(await syncFixBranch(h.git, { fixBranch: 'fixloop' })).toMatchObject({ status: 'up_to_date' });
  });
});
