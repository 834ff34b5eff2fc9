import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fixedClock,
  withRepositoryDefaults,
  type AutofixSwitches,
  type FixAttemptJournal,
  type FixAttemptTransition,
  type FixEscalation,
  type SentryEvent,
} from '@fixloop/core';
import { GitCliWorkspace } from '@fixloop/git';
import { ProcessTestRunner, sandboxEnvironment, WorktreeFixVerifier } from '@fixloop/verifier';
import { FixtureRepository } from '@fixloop/verifier/testing';
import type { AutofixPorts, FixAttemptInput } from '../../src/index.ts';

export const BOT = { name: 'Fixloop Bot', email: 'bot@fixloop.test' };

/** Records every transition and escalation; `onTransition` lets a test act mid-attempt. */
export class RecordingJournal implements FixAttemptJournal {
  readonly transitions: FixAttemptTransition[] = [];
  readonly escalations: FixEscalation[] = [];
  onTransition: ((transition: FixAttemptTransition) => void) | null = null;

  transition(transition: FixAttemptTransition): Promise<void> {
    this.transitions.push(transition);
    this.onTransition?.(transition);
    return Promise.resolve();
  }

  escalate(escalation: FixEscalation): Promise<void> {
    this.escalations.push(escalation);
    return Promise.resolve();
  }

  states(): string[] {
    return this.transitions.map((t) => t.to);
  }
}

/**
 * A real project repository (working copy + bare remote), Fixloop's own clone of it through the real git
 * adapter, the real verifier running real test commands, and in-memory journal, switches and clock.
 */
export async function autofixHarness(
  files: Record<string, string>,
  /** The test process's environment: PATH for git, and what the sandbox may pass on to test runs. */
  env: Readonly<Record<string, string | undefined>>,
) {
  const repo = FixtureRepository.create(files);
  const baseSha = repo.head();
  const dataDir = mkdtempSync(join(tmpdir(), 'fixloop-autofix-data-'));
  const settings = { url: repo.remoteDir, baseBranch: 'main', testCommand: 'npm test' };
  const git = new GitCliWorkspace({ dataDir, settings, env: { PATH: env.PATH }, identity: BOT });
  const runner = new ProcessTestRunner({ env: sandboxEnvironment({ from: env }) });
  const switches: AutofixSwitches = { globalEnabled: true, projectEnabled: true };
  const journal = new RecordingJournal();
  const clock = fixedClock(new Date('2026-11-20T10:00:00Z'));
  const ports: AutofixPorts = {
    git,
    verifier: new WorktreeFixVerifier({ git, runner }),
    switches: { read: () => Promise.resolve({ ...switches }) },
    journal,
    clock,
  };
  const input = (event: SentryEvent, overrides: Partial<FixAttemptInput> = {}): FixAttemptInput => ({
    attemptId: 7,
    projectId: 1,
    issue: { id: 42, shortId: 'SHOP-42', title: 'crash' },
    event,
    repository: withRepositoryDefaults(settings),
    ...overrides,
  });
  const cleanup = (): void => {
    repo.remove();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { repo, baseSha, git, ports, journal, switches, clock, input, cleanup };
}

export type AutofixHarness = Awaited<ReturnType<typeof autofixHarness>>;
