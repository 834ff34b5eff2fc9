import type { AutofixGithubSettings, AutofixSettings } from '../projects/autofix-settings.ts';

export type RedactedAutofixSettings = Omit<AutofixSettings, 'github'> & {
  github: (Omit<AutofixGithubSettings, 'token'> & { hasToken: boolean }) | null;
};

/** Autofix settings as the API shows them and the audit log records them: the GitHub token never leaves. */
export function redactAutofixSettings(settings: AutofixSettings): RedactedAutofixSettings {
  if (settings.github === null) return { ...settings, github: null };
  const { token, ...github } = settings.github;
  return { ...settings, github: { ...github, hasToken: token !== undefined && token !== '' } };
}
