import type {
  AutofixGithubApp,
  AutofixGithubSettings,
  AutofixSettings,
} from '../projects/autofix-settings.ts';

export type RedactedAutofixSettings = Omit<AutofixSettings, 'github'> & {
  github:
    | (Omit<AutofixGithubSettings, 'token' | 'app'> & {
        hasToken: boolean;
        app?: Omit<AutofixGithubApp, 'privateKey'> & { hasPrivateKey: boolean };
      })
    | null;
};

/**
 * Autofix settings as the API shows them and the audit log records them: the GitHub token and the App's
 * private key never leave.
 */
export function redactAutofixSettings(settings: AutofixSettings): RedactedAutofixSettings {
  if (settings.github === null) return { ...settings, github: null };
  const { token, app, ...github } = settings.github;
  const redacted = { ...github, hasToken: token !== undefined && token !== '' };
  if (app === undefined) return { ...settings, github: redacted };
  const { privateKey, ...appIds } = app;
  return { ...settings, github: { ...redacted, app: { ...appIds, hasPrivateKey: privateKey !== '' } } };
}
