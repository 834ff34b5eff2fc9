import { withRepositoryDefaults, type GitWorkspace } from '@fixloop/core';
import { eventStackFrames } from './culprit/event-stack-frames.ts';
import { inspectRepository, type RepositoryView } from './inspect-repository.ts';
import type { InvestigationInput, InvestigationOptions, InvestigationPorts } from './investigation-input.ts';
import type { InvestigationSteps } from './investigation-steps.ts';
import { findRelatedCode } from './related/find-related-code.ts';
import type { InvestigationFindings } from './report/investigation-report.ts';
import { loadRunbooks } from './runbooks/load-runbooks.ts';
import { matchRunbooks, type RunbookMatch } from './runbooks/match-runbooks.ts';
import { findSimilarIssues } from './similar/find-similar-issues.ts';
import { collectSuspectCommits } from './suspects/collect-suspect-commits.ts';

/** The deterministic steps: locate the code, then suspects, related code and runbooks in parallel. */
export async function collectFindings(
  input: InvestigationInput,
  ports: InvestigationPorts,
  options: InvestigationOptions,
  steps: InvestigationSteps,
): Promise<InvestigationFindings> {
  const view = await repositoryView(input, ports, options, steps);
  const git = ports.git;
  const [suspectCommits, relatedCode, runbooks] = await Promise.all([
    view && git ? steps.run('suspect commits', () => suspects(git, view, input, options)) : null,
    view && git && ports.codeSearch ? steps.run('related code', () => related(ports, view, input)) : null,
    view && git ? steps.run('runbooks', () => runbookMatches(git, view, input)) : null,
  ]);
  const type = exceptionType(input);
  return {
    issueId: input.issue.id,
    eventId: input.event?.eventId ?? null,
    title: input.issue.title,
    exceptionType: type,
    repository: view?.repository ?? null,
    frames: view?.frames ?? [],
    unmappedFrames: view?.unmappedFrames ?? [],
    suspectCommits: suspectCommits ?? [],
    relatedCode,
    similarIssues: findSimilarIssues({ ...input.issue, type }, input.resolvedIssues ?? []),
    runbooks: runbooks ?? [],
    analysis: null,
    warnings: steps.warnings,
    timings: steps.timings,
  };
}

async function repositoryView(
  input: InvestigationInput,
  ports: InvestigationPorts,
  options: InvestigationOptions,
  steps: InvestigationSteps,
): Promise<RepositoryView | null> {
  if (!input.settings) return null;
  const git = ports.git;
  if (!git) {
    steps.warn('repository: no git workspace was provided');
    return null;
  }
  const settings = withRepositoryDefaults(input.settings);
  const stack = input.event ? eventStackFrames(input.event.payload) : [];
  return steps.run('repository', () =>
    inspectRepository(git, settings, stack, input.event?.release ?? null, {
      fetch: options.fetch ?? true,
      maxFrames: options.maxFrames ?? 5,
      contextLines: options.contextLines ?? 5,
      maxFileBytes: 1024 * 1024,
    }),
  );
}

function suspects(
  git: GitWorkspace,
  view: RepositoryView,
  input: InvestigationInput,
  options: InvestigationOptions,
) {
  return collectSuspectCommits(git, view.repository.commit, view.frames, {
    firstSeen: input.issue.firstSeen,
    firstRelease: input.issue.firstRelease,
    lookbackDays: options.lookbackDays ?? 30,
    blameRadius: options.blameRadius ?? 3,
    maxCommits: options.maxCommits ?? 50,
    maxSuspects: options.maxSuspects ?? 5,
  });
}

async function related(ports: InvestigationPorts, view: RepositoryView, input: InvestigationInput) {
  const culprit = view.frames[0];
  if (!culprit || !ports.git || !ports.codeSearch || !input.settings) return null;
  const target = { function: culprit.function, repoPath: culprit.repoPath, line: culprit.line };
  const root = withRepositoryDefaults(input.settings).root;
  return findRelatedCode({ git: ports.git, codeSearch: ports.codeSearch }, view.repository.commit, target, {
    root,
    maxDefinitions: 5,
    maxCalls: 10,
  });
}

/** Runbooks are read at the base head: the team's latest advice, whatever release crashed. */
async function runbookMatches(
  git: GitWorkspace,
  view: RepositoryView,
  input: InvestigationInput,
): Promise<RunbookMatch[]> {
  const { baseSha, commit } = view.repository;
  const dir = input.settings ? withRepositoryDefaults(input.settings).runbooksDir : 'runbooks';
  const loaded = await loadRunbooks(git, baseSha, dir, {
    files: baseSha === commit ? view.files : undefined,
  });
  const event = input.event;
  return matchRunbooks(loaded.runbooks, {
    title: input.issue.title,
    message: event?.message || String(event?.metadata.value ?? input.issue.metadata.value ?? ''),
    type: exceptionType(input) ?? '',
    culprit: event?.culprit || input.issue.culprit,
  });
}

export function exceptionType(input: InvestigationInput): string | null {
  const type = input.event?.metadata.type ?? input.issue.metadata.type;
  return typeof type === 'string' && type !== '' ? type : null;
}
