import type { ProjectSettings } from './project.ts';

/**
 * Applies `transform` to every secret a project's settings hold: the repository token, the GitHub token
 * and the GitHub App private key. Storage uses it to seal settings on write and open them on read.
 */
export function mapProjectSettingSecrets(
  settings: ProjectSettings,
  transform: (value: string) => string,
): ProjectSettings {
  const { repository } = settings;
  const github = settings.autofix?.github ?? null;
  if (repository?.token === undefined && github?.token === undefined && github?.app === undefined) {
    return settings;
  }
  return {
    ...settings,
    repository:
      repository?.token === undefined ? repository : { ...repository, token: transform(repository.token) },
    autofix: {
      ...settings.autofix,
      github:
        github === null
          ? null
          : {
              ...github,
              ...(github.token === undefined ? {} : { token: transform(github.token) }),
              ...(github.app === undefined
                ? {}
                : { app: { ...github.app, privateKey: transform(github.app.privateKey) } }),
            },
    },
  };
}
