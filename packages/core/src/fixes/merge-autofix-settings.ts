import { AppError } from '../errors/app-error.ts';
import {
  DEFAULT_GITHUB_SETTINGS,
  type AutofixGithubApp,
  type AutofixGithubSettings,
  type AutofixPolicySettings,
  type AutofixSettings,
} from '../projects/autofix-settings.ts';

/** A partial update of a project's autofix settings (the config file section and the Web API body). */
export type AutofixSettingsPatch = Partial<Omit<AutofixSettings, 'policy' | 'github'>> & {
  policy?: Partial<AutofixPolicySettings>;
  /** null removes the GitHub integration; an object merges, and a left-out token is kept. */
  github?: (Partial<Omit<AutofixGithubSettings, 'app'>> & { app?: GithubAppPatch | null }) | null;
};

/** null removes the App; a left-out private key is kept. */
export type GithubAppPatch = Partial<AutofixGithubApp>;

/** Applies a patch: left-out fields keep their value, `policy` and `github` merge field by field. */
export function mergeAutofixSettings(current: AutofixSettings, patch: AutofixSettingsPatch): AutofixSettings {
  const { policy, github, ...rest } = definedOnly(patch);
  return {
    ...current,
    ...rest,
    policy: { ...current.policy, ...definedOnly(policy ?? {}) },
    github: mergeGithub(current.github, github),
  };
}

function mergeGithub(
  current: AutofixGithubSettings | null,
  patch: AutofixSettingsPatch['github'],
): AutofixGithubSettings | null {
  if (patch === undefined) return current;
  if (patch === null) return null;
  const { app, ...rest } = definedOnly(patch);
  const merged: AutofixGithubSettings = { ...DEFAULT_GITHUB_SETTINGS, ...current, ...rest };
  delete merged.app;
  const mergedApp = mergeApp(current?.app, app);
  return mergedApp === undefined ? merged : { ...merged, app: mergedApp };
}

function mergeApp(
  current: AutofixGithubApp | undefined,
  patch: GithubAppPatch | null | undefined,
): AutofixGithubApp | undefined {
  if (patch === undefined) return current;
  if (patch === null) return undefined;
  const app = { ...current, ...definedOnly(patch) };
  for (const key of ['appId', 'installationId', 'privateKey'] as const) {
    if (app[key] === undefined)
      throw new AppError('bad_request', `github.app.${key}: required for a GitHub App`, { fields: { [`github.app.${key}`]: ['required for a GitHub App'] } }); // prettier-ignore
  }
  return app as AutofixGithubApp;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
