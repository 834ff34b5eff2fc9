import type { AutofixPorts, FixAttemptOptions } from '@fixloop/autofix';
import {
  effectivePolicyRules,
  permissionAtLeast,
  withRepositoryDefaults,
  type Clock,
  type LlmClient,
  type Project,
  type ResolvedRepositorySettings,
  type Storage,
} from '@fixloop/core';
import { ProcessTestRunner, sandboxEnvironment, WorktreeFixVerifier } from '@fixloop/verifier';
import type { RepositoryWorkspaces } from '../investigations/repository-workspaces.ts';
import { StoredAutofixSwitchReader } from './stored-autofix-switch-reader.ts';
import { StoredFixJournal } from './stored-fix-journal.ts';

export interface AutofixEnvironment {
  storage: Storage;
  clock: Clock;
  log: (line: string) => void;
  workspaces: RepositoryWorkspaces;
  /** Fixloop's environment; test runs get only its harmless variables (see sandboxEnvironment). */
  env: Readonly<Record<string, string | undefined>>;
  /** The LLM chain for a project's fixer, or null when no LLM is configured. */
  llmFor(project: Project): LlmClient | null;
}

export interface ProjectAutofix {
  ports: AutofixPorts;
  repository: ResolvedRepositorySettings;
}

/** Builds the engine's ports for one project from its repository and the shared stores. */
export class AutofixPortsFactory {
  readonly switches: StoredAutofixSwitchReader;
  readonly journal: StoredFixJournal;

  constructor(readonly environment: AutofixEnvironment) {
    this.switches = new StoredAutofixSwitchReader(environment.storage);
    this.journal = new StoredFixJournal(environment.storage);
  }

  async forProject(project: Project): Promise<ProjectAutofix | null> {
    const repository = await this.environment.workspaces.forProject(project);
    if (repository === null) return null;
    const runner = new ProcessTestRunner({ env: sandboxEnvironment({ from: this.environment.env }) });
    // Its https credentials (GitHub App installation tokens) come with it from the workspaces.
    const git = repository.git;
    return {
      repository: withRepositoryDefaults(repository.settings),
      ports: {
        git,
        verifier: new WorktreeFixVerifier({ git, runner }),
        switches: this.switches,
        journal: this.journal,
        clock: this.environment.clock,
        llm: this.environment.llmFor(project),
      },
    };
  }

  /** The engine's options from the project's settings. Fixloop pushes itself, to record the push. */
  options(project: Project, ports: AutofixPorts, dryRun: boolean): FixAttemptOptions {
    const settings = project.settings.autofix;
    const agent = settings.agents.find((a) => permissionAtLeast(a.permission, 'SUGGEST'));
    return {
      permission: settings.botPermission,
      llm:
        ports.llm && agent
          ? {
              agentName: agent.name,
              permission: agent.permission,
              maxRounds: settings.maxLlmRounds,
              sensitiveFields: project.settings.scrubbing.extraFields,
            }
          : null,
      policyRules: effectivePolicyRules(settings.policy),
      autoCommit: settings.policy.autoCommit,
      ...(settings.botIdentity ? { botIdentity: settings.botIdentity } : {}),
      push: false,
      dryRun,
    };
  }
}
