/** A browsable link to a branch for https remotes of GitHub-like hosts (GitHub, GitLab, Gitea); else null. */
export function branchWebUrl(remoteUrl: string, branch: string): string | null {
  const ssh = /^[^@\s/]+@([^:\s]+):(.+?)(?:\.git)?$/.exec(remoteUrl);
  const web = ssh ? `https://${ssh[1]}/${ssh[2]}` : httpsBase(remoteUrl);
  return web === null ? null : `${web}/tree/${branch.split('/').map(encodeURIComponent).join('/')}`;
}

function httpsBase(remoteUrl: string): string | null {
  if (!/^https?:\/\//.test(remoteUrl)) return null;
  const url = new URL(remoteUrl);
  url.username = '';
  url.password = '';
  return `${url.origin}${url.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '')}`;
}
