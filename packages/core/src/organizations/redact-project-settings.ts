import type { ProjectSettings } from '../projects/project.ts';
import type { RepositorySettings } from '../repositories/repository-settings.ts';
import { redactAutofixSettings, type RedactedAutofixSettings } from '../fixes/redact-autofix-settings.ts';

export type RedactedRepositorySettings = Omit<RepositorySettings, 'token'> & { hasToken: boolean };

export type RedactedProjectSettings = Omit<ProjectSettings, 'repository' | 'autofix'> & {
  repository: RedactedRepositorySettings | null;
  autofix: RedactedAutofixSettings;
};

/** Settings as the API shows them and the audit log records them: the repository token never leaves. */
export function redactProjectSettings(settings: ProjectSettings): RedactedProjectSettings {
  // The GitHub token of the autofix section is as secret as the repository token.
  const autofix = redactAutofixSettings(settings.autofix);
  if (settings.repository === null) return { ...settings, autofix, repository: null };
  const { token, ...repository } = settings.repository;
  return {
    ...settings,
    autofix,
    repository: { ...repository, hasToken: token !== undefined && token !== '' },
  };
}
