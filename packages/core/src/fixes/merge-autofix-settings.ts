import {
  DEFAULT_GITHUB_SETTINGS,
  type AutofixGithubSettings,
  type AutofixPolicySettings,
  type AutofixSettings,
} from '../projects/autofix-settings.ts';

/** A partial update of a project's autofix settings (the config file section and the Web API body). */
export type AutofixSettingsPatch = Partial<Omit<AutofixSettings, 'policy' | 'github'>> & {
  policy?: Partial<AutofixPolicySettings>;
  /** null removes the GitHub integration; an object merges, and a left-out token is kept. */
  github?: Partial<AutofixGithubSettings> | null;
};

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
  patch: Partial<AutofixGithubSettings> | null | undefined,
): AutofixGithubSettings | null {
  if (patch === undefined) return current;
  if (patch === null) return null;
  return { ...DEFAULT_GITHUB_SETTINGS, ...current, ...definedOnly(patch) };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
