/** `owner/name` of a GitHub repository, from the setting or the repository's remote URL. */
export interface GithubRepositoryName {
  owner: string;
  repo: string;
}

const FROM_URL = [
  /^https?:\/\/(?:[^@/]+@)?[^/]+\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/,
  /^ssh:\/\/(?:[^@/]+@)?[^/]+\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/,
  /^[^@\s]+@[^:\s]+:([\w.-]+)\/([\w.-]+?)(?:\.git)?$/,
];

/** Null when neither the setting nor the URL names a repository (e.g. a local path). */
export function githubRepositoryName(
  setting: string | undefined,
  remoteUrl: string,
): GithubRepositoryName | null {
  if (setting !== undefined) {
    const [owner, repo] = setting.split('/');
    return owner && repo ? { owner, repo } : null;
  }
  for (const pattern of FROM_URL) {
    const match = pattern.exec(remoteUrl.trim());
    if (match?.[1] && match[2]) return { owner: match[1], repo: match[2] };
  }
  return null;
}
