import type { CapturedError } from '../event/captured-error.ts';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import { detectTestSetup } from '../reproduce/detect-test-setup.ts';
import { frameSites } from '../reproduce/frame-sites.ts';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';
import type { FixContext } from './fixer.ts';

/** Locates the event's frames in the repository once, for every fixer to share. */
export async function buildFixContext(input: {
  error: CapturedError;
  repo: RepoSnapshot;
  root: string;
  mapPath: FramePathMapper;
}): Promise<FixContext> {
  const setup = await detectTestSetup(input.repo, input.root, input.error.platform);
  const sites = await frameSites(input.error, input.repo, input.mapPath);
  return { ...input, sites, packageType: setup?.packageType ?? null };
}
