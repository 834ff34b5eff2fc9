import type { Project } from '@fixloop/core';
import type { InvestigationRunner } from '../investigations/investigation-runner.ts';
import { AttemptReconciler } from './attempt-reconciler.ts';
import { AutofixPortsFactory, type AutofixEnvironment } from './autofix-ports-factory.ts';
import { AutofixTriggers } from './autofix-triggers.ts';
import { FixActions } from './fix-actions.ts';
import { FixAttemptRunner } from './fix-attempt-runner.ts';
import { FixAttemptStarter } from './fix-attempt-starter.ts';
import { FixBranchSyncer } from './fix-branch-syncer.ts';
import { FixFollowUps } from './fix-follow-ups.ts';
import { GithubAppTokens } from './github/github-app-tokens.ts';
import type { GithubClient } from './github/github-client.ts';
import { githubForProject } from './github-for-project.ts';

export interface AutofixModuleDeps extends AutofixEnvironment {
  baseUrl(): string;
  /** Investigates an issue before its first attempt when it has no investigation yet. */
  investigations: InvestigationRunner | null;
  /** Owner name of this process's repository leases. */
  instanceId: string;
  wakeWorker(): void;
  githubFor?: (project: Project) => GithubClient | null;
  /** GitHub App installation tokens, shared with the git workspaces so both use one cached token. */
  appTokens?: GithubAppTokens;
}

/** Everything autofix wires together; the job handlers and the Web API use its parts. */
export interface AutofixModule {
  factory: AutofixPortsFactory;
  starter: FixAttemptStarter;
  runner: FixAttemptRunner;
  actions: FixActions;
  triggers: AutofixTriggers;
  sync: FixBranchSyncer;
  reconciler: AttemptReconciler;
  followUps: FixFollowUps;
  githubFor(project: Project): GithubClient | null;
}

export function createAutofix(deps: AutofixModuleDeps): AutofixModule {
  // One installation-token cache for git pushes and REST calls: one token per App installation per hour.
  const appTokens = deps.appTokens ?? new GithubAppTokens();
  const factory = new AutofixPortsFactory(deps);
  const githubFor = deps.githubFor ?? ((project: Project) => githubForProject(project, appTokens));
  const starter = new FixAttemptStarter(deps.storage, deps.clock, deps.wakeWorker);
  const followUps = new FixFollowUps({ ...deps, githubFor });
  const actions = new FixActions(factory, followUps, starter);
  const checks = async (project: Project, sha: string) =>
    (await githubFor(project)?.checkRuns(sha))?.state ?? null;
  return {
    factory,
    starter,
    followUps,
    actions,
    githubFor,
    runner: new FixAttemptRunner({ factory, followUps, starter, investigations: deps.investigations, instanceId: deps.instanceId }), // prettier-ignore
    triggers: new AutofixTriggers(deps.storage, deps.clock, starter, factory.switches),
    sync: new FixBranchSyncer(factory, actions, followUps, checks, deps.instanceId),
    reconciler: new AttemptReconciler(deps.storage, deps.clock, starter),
  };
}
