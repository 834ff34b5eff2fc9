import { describe, expect, it } from 'vitest';
import { compareReleases, compareSemVerVersions, isReleaseNewer, parseSemVer } from './is-release-newer.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('isReleaseNewer', () => {
  it('orders semantic versions numerically, package prefixes and build metadata aside', () => {
    expect(
      isReleaseNewer(
        { version: 'web@1.10.0', dateCreated: at(1) },
        { version: 'web@1.9.3', dateCreated: at(2) },
      ),
    ).toBe(true);
    expect(
      isReleaseNewer(
        { version: 'v2.0', dateCreated: at(1) },
        { version: '1.99.99+build.7', dateCreated: at(2) },
      ),
    ).toBe(true);
    expect(
      isReleaseNewer({ version: '1.0.0-rc.2', dateCreated: at(3) }, { version: '1.0.0', dateCreated: at(1) }),
    ).toBe(false);
    expect(
      compareReleases(
        { version: '1.0.0-rc.10', dateCreated: at(1) },
        { version: '1.0.0-rc.9', dateCreated: at(1) },
      ),
    ).toBe(1);
  });

  it('falls back to first-seen order when a version is not semantic or versions tie', () => {
    expect(
      isReleaseNewer({ version: 'abc123', dateCreated: at(2) }, { version: '1.0.0', dateCreated: at(1) }),
    ).toBe(true);
    expect(
      isReleaseNewer({ version: 'abc123', dateCreated: at(1) }, { version: 'def456', dateCreated: at(2) }),
    ).toBe(false);
    expect(
      compareReleases({ version: '1.0', dateCreated: at(2) }, { version: '1.0.0', dateCreated: at(1) }),
    ).toBe(1);
    expect(
      compareReleases({ version: 'same', dateCreated: at(2) }, { version: 'same', dateCreated: at(1) }),
    ).toBe(0);
  });

  it('parses the shapes sentry-cli proposes', () => {
    expect(parseSemVer('my-app@3.2.1')).toEqual({ numbers: [3, 2, 1, 0], prerelease: null });
    expect(parseSemVer('1.2.3.4-beta')).toEqual({ numbers: [1, 2, 3, 4], prerelease: 'beta' });
    expect(parseSemVer('9f1c2e0d')).toBeNull();
  });

  it('orders bare versions only within one package, and not at all when one is not semantic', () => {
    expect(compareSemVerVersions('web@1.2.0', 'web@1.10.0')).toBeLessThan(0);
    expect(compareSemVerVersions('1.2.0', 'v1.2.0')).toBe(0);
    expect(compareSemVerVersions('web@2.0.0', 'web@2.0.0-rc.1')).toBeGreaterThan(0);
    expect(compareSemVerVersions('web@1.0.0', 'api@2.0.0')).toBeNull();
    expect(compareSemVerVersions('web@1.0.0', '9f1c2e0d')).toBeNull();
  });
});
