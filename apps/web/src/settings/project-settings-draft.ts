import type { ProjectDetails, ProjectUpdate, TriggerRuleJson } from '../api/types.ts';
import { effectiveTriggerRules } from './trigger-rules.ts';

export interface ProjectDraft {
  name: string;
  platform: string;
  repositoryUrl: string;
  baseBranch: string;
  testCommand: string;
  autoInvestigate: boolean;
  autofix: boolean;
  triggerRules: TriggerRuleJson[];
}

export function toProjectDraft(project: ProjectDetails): ProjectDraft {
  const settings = project.settings ?? {};
  return {
    name: project.name,
    platform: project.platform ?? '',
    repositoryUrl: settings.repository?.url ?? '',
    baseBranch: settings.repository?.baseBranch ?? '',
    testCommand: settings.repository?.testCommand ?? '',
    autoInvestigate: settings.investigation?.auto ?? true,
    autofix: settings.autofix?.enabled ?? false,
    triggerRules: effectiveTriggerRules(settings.autofix?.triggerRules),
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The PUT body for what changed, and nothing else: settings are a patch, and sending the repository
 * unchanged would need admin rights and could drop its stored token.
 */
export function projectUpdate(original: ProjectDetails, draft: ProjectDraft): ProjectUpdate {
  const before = toProjectDraft(original);
  const update: ProjectUpdate = {};
  const settings: NonNullable<ProjectUpdate['settings']> = {};
  if (draft.name !== before.name) update.name = draft.name;
  if (draft.platform !== before.platform) update.platform = optional(draft.platform) ?? null;
  if (
    draft.repositoryUrl !== before.repositoryUrl ||
    draft.baseBranch !== before.baseBranch ||
    draft.testCommand !== before.testCommand
  ) {
    const url = optional(draft.repositoryUrl);
    const { hasToken: _redacted, ...stored } = original.settings?.repository ?? { url: '' };
    settings.repository = url
      ? { ...stored, url, baseBranch: optional(draft.baseBranch), testCommand: optional(draft.testCommand) }
      : null;
  }
  if (draft.autoInvestigate !== before.autoInvestigate)
    settings.investigation = { auto: draft.autoInvestigate };
  const autofix = original.settings?.autofix;
  const rulesChanged = JSON.stringify(draft.triggerRules) !== JSON.stringify(before.triggerRules);
  if (autofix && (draft.autofix !== before.autofix || rulesChanged)) {
    settings.autofix = { enabled: draft.autofix, triggerRules: draft.triggerRules };
  }
  if (Object.keys(settings).length > 0) update.settings = settings;
  return update;
}
