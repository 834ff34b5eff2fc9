import type { BaseHead, GitWorkspace } from '@fixloop/core';

export interface InvestigatedCommit {
  sha: string;
  /** 'release' when the event's release named a commit or tag, else the base branch head. */
  source: 'release' | 'base';
  /** The ref that resolved (a release-derived name, or the base branch). */
  ref: string;
}

/**
 * The code the event actually ran: its release when that names a commit or tag (`1.4.2`, `v1.4.2`,
 * `shop@1.4.2`, `shop@1.4.2+3f2a9c1`, a bare sha), else the base branch head.
 */
export async function resolveInvestigatedCommit(
  git: Pick<GitWorkspace, 'resolveCommit'>,
  release: string | null,
  base: BaseHead,
): Promise<InvestigatedCommit> {
  for (const ref of releaseRefCandidates(release)) {
    const sha = await git.resolveCommit(ref);
    if (sha !== null) return { sha, source: 'release', ref };
  }
  return { sha: base.sha, source: 'base', ref: base.branch };
}

export function releaseRefCandidates(release: string | null): string[] {
  const trimmed = release?.trim();
  if (!trimmed) return [];
  const version = trimmed.slice(trimmed.lastIndexOf('@') + 1);
  const [core = version, build] = version.split('+', 2);
  const candidates = [trimmed, version, core, core.startsWith('v') ? core : `v${core}`];
  if (build) candidates.push(build);
  const hex = /\b[0-9a-f]{7,40}\b/.exec(trimmed)?.[0];
  if (hex) candidates.push(hex);
  return [...new Set(candidates.filter((c) => c.length > 0 && c !== 'v'))];
}
