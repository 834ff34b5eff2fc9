import { describe, expect, it } from 'vitest';
import { applyEventToIssue } from './apply-event-to-issue.ts';
import type { IssueStatusDetails } from './issue.ts';

const at = new Date('2026-01-01T00:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

function ignored(statusDetails: IssueStatusDetails, timesSeen = 10) {
  return {
    status: 'ignored' as const,
    substatus: 'archived_until_condition_met' as const,
    statusDetails,
    resolvedAt: null,
    timesSeen,
  };
}

describe('applyEventToIssue', () => {
  it('turns a resolved issue into a regression', () => {
    const t = applyEventToIssue(
      {
        status: 'resolved',
        substatus: null,
        statusDetails: { inRelease: '1.0' },
        resolvedAt: at,
        timesSeen: 3,
      },
      at,
      4,
    );
    expect(t).toEqual({
      status: 'unresolved',
      substatus: 'regressed',
      statusDetails: {},
      resolvedAt: null,
      regressed: true,
      unignored: null,
    });
  });

  it('keeps an issue resolved in a release while events come only from the release it was resolved from', () => {
    const issue = {
      status: 'resolved' as const,
      substatus: null,
      statusDetails: { inNextRelease: true, resolvedFromRelease: '1.0' },
      resolvedAt: at,
      timesSeen: 3,
    };
    expect(applyEventToIssue(issue, at, 5, { releases: ['1.0', '1.0'] })).toMatchObject({
      status: 'resolved',
      regressed: false,
      statusDetails: issue.statusDetails,
    });
    expect(applyEventToIssue(issue, at, 5, { releases: ['1.0', '1.1'] })).toMatchObject({ regressed: true });
    expect(applyEventToIssue(issue, at, 4, { releases: [null] })).toMatchObject({ regressed: true });
    expect(applyEventToIssue(issue, at, 4)).toMatchObject({ regressed: true });
  });

  it('keeps an issue resolved in a release for older semver releases of the same package', () => {
    const resolved = (statusDetails: Record<string, unknown>) => ({
      status: 'resolved' as const,
      substatus: null,
      statusDetails,
      resolvedAt: at,
      timesSeen: 3,
    });
    const inRelease = resolved({ inRelease: 'web@1.2.0', resolvedFromRelease: 'web@1.1.0' });
    const regressedBy = (issue: ReturnType<typeof resolved>, release: string | null) =>
      applyEventToIssue(issue, at, 4, { releases: [release] }).regressed;
    expect(regressedBy(inRelease, 'web@1.1.0')).toBe(false);
    expect(regressedBy(inRelease, 'web@1.0.9')).toBe(false);
    expect(regressedBy(inRelease, 'web@1.2.0-rc.1')).toBe(false);
    expect(regressedBy(inRelease, 'web@1.2.0')).toBe(true);
    expect(regressedBy(inRelease, 'web@1.3.0')).toBe(true);
    expect(regressedBy(inRelease, 'api@1.0.0')).toBe(true);
    expect(regressedBy(inRelease, 'abc123')).toBe(true);
    const inNext = resolved({ inNextRelease: true, resolvedFromRelease: '2.0.0' });
    expect(regressedBy(inNext, '1.9.0')).toBe(false);
    expect(regressedBy(inNext, '2.0.0')).toBe(false);
    expect(regressedBy(inNext, '2.0.1')).toBe(true);
    expect(regressedBy(resolved({ inNextRelease: true }), '1.0.0')).toBe(true);
    // Resolved in a release older than the one it was last seen in: that newer release regresses it.
    expect(
      regressedBy(resolved({ inRelease: 'web@1.0.0', resolvedFromRelease: 'web@1.1.0' }), 'web@1.1.0'),
    ).toBe(true);
    const unordered = resolved({ inRelease: 'def', resolvedFromRelease: 'abc' });
    expect(regressedBy(unordered, 'abc')).toBe(false);
    expect(regressedBy(unordered, 'xyz')).toBe(true);
    expect(regressedBy(resolved({}), '1.0.0')).toBe(true);
  });

  it('moves a new issue to ongoing and keeps it unresolved', () => {
    const t = applyEventToIssue(
      { status: 'unresolved', substatus: 'new', statusDetails: {}, resolvedAt: null, timesSeen: 1 },
      at,
      2,
    );
    expect(t).toMatchObject({
      status: 'unresolved',
      substatus: 'ongoing',
      regressed: false,
      unignored: null,
    });
  });

  it('keeps an ignored issue ignored until its duration has passed, then makes it ongoing', () => {
    const issue = ignored({ ignoreUntil: '2026-01-01T01:00:00.000Z' }, 5);
    expect(applyEventToIssue(issue, at, 6).status).toBe('ignored');
    expect(applyEventToIssue(issue, minutes(60), 7)).toMatchObject({
      status: 'unresolved',
      substatus: 'ongoing',
      statusDetails: {},
      unignored: 'duration',
    });
  });

  it('un-ignores as escalating after ignoreCount more events', () => {
    const issue = ignored({ ignoreCount: 3, ignoreCountBase: 10 });
    expect(applyEventToIssue(issue, at, 12).status).toBe('ignored');
    expect(applyEventToIssue(issue, at, 13)).toMatchObject({
      status: 'unresolved',
      substatus: 'escalating',
      unignored: 'count',
    });
  });

  it('counts ignoreCount within a tumbling ignoreWindow', () => {
    const issue = ignored({ ignoreCount: 5, ignoreWindow: 60, ignoreCountBase: 10 });
    const first = applyEventToIssue(issue, at, 13, { events: 3 });
    expect(first).toMatchObject({
      status: 'ignored',
      statusDetails: { ignoreWindowStart: at.toISOString(), ignoreWindowCount: 3 },
    });
    // Two more inside the hour reach five.
    const inside = applyEventToIssue({ ...issue, statusDetails: first.statusDetails }, minutes(30), 15, {
      events: 2,
    });
    expect(inside).toMatchObject({ status: 'unresolved', unignored: 'count' });
    // The same two after the hour start a new window instead.
    const later = applyEventToIssue({ ...issue, statusDetails: first.statusDetails }, minutes(61), 15, {
      events: 2,
    });
    expect(later).toMatchObject({
      status: 'ignored',
      statusDetails: { ignoreWindowStart: minutes(61).toISOString(), ignoreWindowCount: 2 },
    });
  });

  it('un-ignores after ignoreUserCount more users, ever or within a window', () => {
    const ever = ignored({ ignoreUserCount: 2, ignoreUserCountBase: 4 });
    expect(applyEventToIssue(ever, at, 11, { newUsers: 1, userCountAfter: 5 }).status).toBe('ignored');
    expect(applyEventToIssue(ever, at, 11, { newUsers: 1, userCountAfter: 6 })).toMatchObject({
      status: 'unresolved',
      substatus: 'escalating',
      unignored: 'user_count',
    });

    const windowed = ignored({ ignoreUserCount: 2, ignoreUserWindow: 10, ignoreUserCountBase: 4 });
    const one = applyEventToIssue(windowed, at, 11, { newUsers: 1, userCountAfter: 5 });
    expect(one.statusDetails).toMatchObject({ ignoreUserWindowCount: 1 });
    expect(
      applyEventToIssue({ ...windowed, statusDetails: one.statusDetails }, minutes(5), 12, { newUsers: 1 }),
    ).toMatchObject({ unignored: 'user_count' });
    expect(
      applyEventToIssue({ ...windowed, statusDetails: one.statusDetails }, minutes(11), 12, { newUsers: 1 })
        .status,
    ).toBe('ignored');
    // Events without new users leave the window alone.
    expect(applyEventToIssue(windowed, at, 12, { newUsers: 0 }).statusDetails).toBe(windowed.statusDetails);
  });

  it('keeps an ignored-forever issue ignored', () => {
    const issue = { ...ignored({}), substatus: 'archived_forever' as const };
    expect(applyEventToIssue(issue, minutes(10_000), 1000, { events: 500, newUsers: 50 })).toMatchObject({
      status: 'ignored',
      substatus: 'archived_forever',
      unignored: null,
    });
  });
});
