import type { Release } from './release.ts';

/** What ordering releases needs: the version string and when Fixloop first saw it. */
export type ReleaseOrderKey = Pick<Release, 'version' | 'dateCreated'>;

interface SemVer {
  numbers: [number, number, number, number];
  prerelease: string | null;
}

// Sentry's release versions are often `package@1.2.3+build`; the package part does not order.
const SEMVER =
  /^(?:[^@\s]+@)?v?(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemVer(version: string): SemVer | null {
  const match = SEMVER.exec(version.trim());
  if (match === null) return null;
  const part = (i: number) => Number(match[i] ?? 0);
  return { numbers: [part(1), part(2), part(3), part(4)], prerelease: match[5] ?? null };
}

function compareSemVer(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 4; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  // A pre-release sorts before its release (1.0.0-rc.1 < 1.0.0).
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === null) return 1;
  if (b.prerelease === null) return -1;
  return a.prerelease.localeCompare(b.prerelease, 'en', { numeric: true });
}

/**
 * Orders two versions when both are semantic versions of the same package (`pkg@` prefix, if any):
 * negative when `a` is lower. Null when they cannot be ordered without release dates.
 */
export function compareSemVerVersions(a: string, b: string): number | null {
  const semA = parseSemVer(a);
  const semB = parseSemVer(b);
  if (semA === null || semB === null || packageOf(a) !== packageOf(b)) return null;
  return compareSemVer(semA, semB);
}

function packageOf(version: string): string {
  const at = version.indexOf('@');
  return at > 0 ? version.slice(0, at) : '';
}

/**
 * Orders two releases the way Sentry's "resolved in release" does: by semantic version when both
 * versions parse as one, else by when the release was first seen. Negative: a is older.
 */
export function compareReleases(a: ReleaseOrderKey, b: ReleaseOrderKey): number {
  if (a.version === b.version) return 0;
  const semA = parseSemVer(a.version);
  const semB = parseSemVer(b.version);
  if (semA !== null && semB !== null) {
    const bySemVer = compareSemVer(semA, semB);
    if (bySemVer !== 0) return bySemVer;
  }
  return Math.sign(a.dateCreated.getTime() - b.dateCreated.getTime());
}

/** True when `candidate` is a later release than `baseline` (an event in it regresses the issue). */
export function isReleaseNewer(candidate: ReleaseOrderKey, baseline: ReleaseOrderKey): boolean {
  return compareReleases(candidate, baseline) > 0;
}
