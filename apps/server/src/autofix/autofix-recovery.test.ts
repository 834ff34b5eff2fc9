import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '@fixloop/core';
import type { FixAttemptState, StoredFixAttempt } from '@fixloop/core';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { AttemptReconciler } from './attempt-reconciler.ts';
import { AUTOFIX_ATTEMPT_JOB } from './autofix-job-kinds.ts';
import { AutofixTriggers } from './autofix-triggers.ts';
import { FixAttemptStarter } from './fix-attempt-starter.ts';
import { StoredAutofixSwitchReader } from './stored-autofix-switch-reader.ts';
import { StoredFixJournal } from './stored-fix-journal.ts';

const SYSTEM = { kind: 'system', name: 'test' } as const;
const PROJECT = '/api/0/projects/acme/shop/autofix/';

describe.each(TEST_BACKENDS)('autofix recovery and threshold triggers (%s)', (backend) => {
  let shop: AutofixTestShop;
  const issues: Record<string, number> = {};
  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
    // Issues without automatic attempts: the project switch is off while they arrive.
    await shop.api.put(PROJECT, { enabled: false });
    issues['import'] = await shop.ingest(SHOP_CRASHES.missingImport());
    issues['path'] = await shop.ingest(SHOP_CRASHES.wrongImportCase());
    await shop.quiet();
    await shop.api.put(PROJECT, { enabled: true });
  });
  afterAll(() => shop.stop());

  /** An attempt left in `state` by a run that stopped there. */
  const strandedAttempt = async (issueId: number, state: FixAttemptState): Promise<StoredFixAttempt> => {
    const fixes = shop.t.fixloop.storage.fixes;
    const { attempt } = await fixes.createAttempt({ projectId: shop.projectId, issueId, trigger: 'manual', branch: 'fixloop', createdAt: new Date() }, SYSTEM, 'test'); // prettier-ignore
    const path: FixAttemptState[] = ['pending', 'reproducing', 'generating', 'verifying'];
    for (let i = 1; i <= path.indexOf(state); i++) {
      await fixes.transition({ attemptId: attempt.id, from: path[i - 1]!, to: path[i]!, actor: SYSTEM, reason: 'test', at: new Date() }); // prettier-ignore
    }
    return (await fixes.getAttempt(attempt.id))!;
  };

  it('starts a run over when its previous worker died mid-way (the queue retried the job)', async () => {
    const storage = shop.t.fixloop.storage;
    const attempt = await strandedAttempt(issues['import']!, 'verifying');
    const jobId = await storage.jobs.enqueue({ kind: AUTOFIX_ATTEMPT_JOB, payload: { attemptId: attempt.id, dryRun: false }, concurrencyKey: `repository:${shop.projectId}`, maxAttempts: 2 }); // prettier-ignore
    await storage.fixes.update(attempt.id, { jobId });
    const [fix] = await shop.settledFixes(issues['import']!);
    expect(fix).toMatchObject({ id: String(attempt.id), status: 'committed', fixer: 'missing-import' });
    expect(fix!.events.map((e) => `${e.from ?? ''}>${e.state}`)).toEqual(expect.arrayContaining(['verifying>failed', 'failed>pending', 'pending>reproducing'])); // prettier-ignore
    expect(fix!.events.find((e) => e.state === 'failed')!.note).toContain(
      'the run was interrupted in verifying',
    );
  });

  it('marks an attempt failed when the queue gave up on its job, and requeues a pending attempt that lost its job', async () => {
    const storage = shop.t.fixloop.storage;
    const dead = await strandedAttempt(issues['path']!, 'generating');
    const jobId = await storage.jobs.enqueue({ kind: AUTOFIX_ATTEMPT_JOB, payload: { attemptId: dead.id }, runAt: new Date(Date.now() + 3_600_000) }); // prettier-ignore
    await storage.jobs.fail(jobId, 'worker killed', null, new Date());
    await storage.fixes.update(dead.id, { jobId });
    const later = { now: () => new Date(Date.now() + 5 * 60_000) };
    const reconciler = new AttemptReconciler(storage, later, new FixAttemptStarter(storage, systemClock));
    expect(await reconciler.reconcile()).toEqual({ failed: 1, requeued: 0 });
    expect(await storage.fixes.getAttempt(dead.id)).toMatchObject({ state: 'failed', lastError: 'its job failed: worker killed' }); // prettier-ignore

    // Back to pending without a job (its process stopped between the two writes): requeued, then run.
    await storage.fixes.transition({ attemptId: dead.id, from: 'failed', to: 'pending', actor: SYSTEM, reason: 'test', at: new Date(), patch: { jobId: null } }); // prettier-ignore
    expect(await reconciler.reconcile()).toEqual({ failed: 0, requeued: 1 });
    const [fix] = await shop.settledFixes(issues['path']!);
    expect(fix).toMatchObject({ id: String(dead.id), status: 'committed', fixer: 'module-path' });
  });

  it('stores the commit together with the committed state, so no reader sees a commit without its sha', async () => {
    const storage = shop.t.fixloop.storage;
    const attempt = await strandedAttempt(issues['path']!, 'verifying');
    const at = new Date();
    const sha = 'a'.repeat(40);
    await new StoredFixJournal(storage).transition({ attemptId: attempt.id, projectId: shop.projectId, issueId: attempt.issueId, from: 'verifying', to: 'committed', at, actor: { kind: 'agent', name: 'test' }, reason: 'test', details: { commitSha: sha } }); // prettier-ignore
    expect(await storage.fixes.getAttempt(attempt.id)).toMatchObject({ state: 'committed', commitSha: sha, committedAt: at }); // prettier-ignore
  });

  it('starts an attempt once an issue reaches its threshold rule (≥N events within M minutes)', async () => {
    const storage = shop.t.fixloop.storage;
    const rules = [{ severity: 'annoying', action: 'attempt_fix', minEvents: 3, windowMinutes: 60 }];
    expect((await shop.api.put(PROJECT, { triggerRules: rules })).status).toBe(200);
    const handled = () => {
      const event = SHOP_CRASHES.misspelledName();
      event.exception.values[0]!.mechanism.handled = true;
      return event;
    };
    const triggers = new AutofixTriggers(storage, systemClock, new FixAttemptStarter(storage, systemClock), new StoredAutofixSwitchReader(storage)); // prettier-ignore
    const issueId = await shop.ingest(handled());
    await shop.ingest(handled());
    await shop.quiet();
    expect((await storage.issues.getIssue(issueId))!.severity).toBe('annoying');
    expect(await triggers.scan()).toBe(0);
    expect(await shop.fixesOf(issueId)).toEqual([]);
    await shop.ingest(handled());
    await triggers.scan();
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', fixer: 'misspelled-name' });
    expect(fix!.events[0]!.note).toContain('event_threshold: annoying: 3/3 events within 60 min');
  });
});
