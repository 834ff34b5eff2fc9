import type { AgentPermission } from '../autofix/agent-permission.ts';
import type { PolicyCategory } from '../autofix/policy-category.ts';
import { DEFAULT_POLICY_RULES, type PolicyRule } from '../autofix/policy-rule.ts';
import type { TriggerRule } from '../autofix/trigger-rule.ts';
import type { GitIdentity } from '../ports/git-workspace.ts';

/** Which policy rules categorize a patch, and which categories are committed without a person. */
export interface AutofixPolicySettings {
  /** The project's own rules, checked together with the seed rules (or alone, see `useDefaultRules`). */
  rules: PolicyRule[];
  useDefaultRules: boolean;
  /** Categories committed once verified; the seed is A. C is never committed without approval. */
  autoCommit: PolicyCategory[];
}

/** A configured LLM agent (it uses the instance's LLM chain) and how far it may go. */
export interface AutofixAgent {
  name: string;
  permission: AgentPermission;
}

export type PullRequestMode = 'off' | 'fix_branch' | 'per_fix';

/** A GitHub App installation Fixloop acts as, instead of a token (short-lived installation tokens). */
export interface AutofixGithubApp {
  appId: number;
  installationId: number;
  /** The App's private key (PEM); never shown again once saved. */
  privateKey: string;
}

/** The GitHub side of the branch workflow (REST API with a token or a GitHub App; GitHub Enterprise via `apiUrl`). */
export interface AutofixGithubSettings {
  /** e.g. https://api.github.com or https://ghe.example.com/api/v3 */
  apiUrl: string;
  /** A token with pull request, issue and checks access; the repository token when omitted. */
  token?: string;
  /** Authenticate as this GitHub App installation; wins over `token` when set. */
  app?: AutofixGithubApp;
  /** `owner/name`; taken from the repository URL when omitted. */
  repository?: string;
  /** One PR from the fix branch to the base, a PR per fix on `fix/issue-<id>`, or none. */
  pullRequests: PullRequestMode;
  /** Open a GitHub issue for each new blocking (critical) Fixloop issue. */
  issuesForCritical: boolean;
  /** Read the fix commit's check runs and record tests_passed or tests_failed. */
  checkRuns: boolean;
}

/** A project's autofix. The kill switches (instance, organization, project) are stored apart from it. */
export interface AutofixSettings {
  /** Autofix for this project at all; it also needs a repository. */
  enabled: boolean;
  /** Per-severity trigger rules; a severity without a rule follows the seed defaults. */
  triggerRules: TriggerRule[];
  policy: AutofixPolicySettings;
  /** The permission of the deterministic fixers (the built-in bot). */
  botPermission: AgentPermission;
  /** LLM agents tried after the deterministic fixers, when an LLM is configured; the first one usable runs. */
  agents: AutofixAgent[];
  /** Propose → verify rounds of the LLM fixer, each fed the previous failure. */
  maxLlmRounds: number;
  /** Author of fix commits; the git adapter's identity when null. */
  botIdentity: GitIdentity | null;
  /** Push the fix branch after each commit. */
  push: boolean;
  github: AutofixGithubSettings | null;
}

export const DEFAULT_AUTOFIX_POLICY: AutofixPolicySettings = {
  rules: [],
  useDefaultRules: true,
  autoCommit: ['A'],
};

export const DEFAULT_AUTOFIX_SETTINGS: AutofixSettings = {
  enabled: true,
  triggerRules: [],
  policy: DEFAULT_AUTOFIX_POLICY,
  botPermission: 'MINOR_FIX',
  agents: [{ name: 'llm', permission: 'SUGGEST' }],
  maxLlmRounds: 2,
  botIdentity: null,
  push: true,
  github: null,
};

export const DEFAULT_GITHUB_SETTINGS: Omit<AutofixGithubSettings, 'token' | 'app' | 'repository'> = {
  apiUrl: 'https://api.github.com',
  pullRequests: 'off',
  issuesForCritical: false,
  checkRuns: true,
};

/** Stored or configured settings with every default filled in (sections added later included). */
export function withAutofixDefaults(stored: Partial<AutofixSettings> | undefined): AutofixSettings {
  const settings = { ...DEFAULT_AUTOFIX_SETTINGS, ...stored };
  return {
    ...settings,
    policy: { ...DEFAULT_AUTOFIX_POLICY, ...stored?.policy },
    github: settings.github ? { ...DEFAULT_GITHUB_SETTINGS, ...settings.github } : null,
  };
}

/** The rules a patch is categorized by: the seed rules unless turned off, then the project's own. */
export function effectivePolicyRules(policy: AutofixPolicySettings): PolicyRule[] {
  return [...(policy.useDefaultRules ? DEFAULT_POLICY_RULES : []), ...policy.rules];
}
