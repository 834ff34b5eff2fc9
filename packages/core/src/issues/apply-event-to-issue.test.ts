import { describe, expect, it } from 'vitest';
import { applyEventToIssue } from './apply-event-to-issue.ts';

const at = new Date('2026-01-01T00:00:00Z');

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
    });
  });

  it('moves a new issue to ongoing and keeps it unresolved', () => {
    const t = applyEventToIssue(
      { status: 'unresolved', substatus: 'new', statusDetails: {}, resolvedAt: null, timesSeen: 1 },
      at,
      2,
    );
    expect(t.status).toBe('unresolved');
    expect(t.substatus).toBe('ongoing');
    expect(t.regressed).toBe(false);
  });

  it('keeps an ignored issue ignored until its duration has passed', () => {
    const issue = {
      status: 'ignored' as const,
      substatus: 'archived_until_condition_met' as const,
      statusDetails: { ignoreUntil: '2026-01-01T01:00:00.000Z' },
      resolvedAt: null,
      timesSeen: 5,
    };
    expect(applyEventToIssue(issue, at, 6).status).toBe('ignored');
    expect(applyEventToIssue(issue, new Date('2026-01-01T01:00:00Z'), 7).status).toBe('unresolved');
  });

  it('un-ignores after ignoreCount more events', () => {
    const issue = {
      status: 'ignored' as const,
      substatus: 'archived_until_condition_met' as const,
      statusDetails: { ignoreCount: 3, ignoreCountBase: 10 },
      resolvedAt: null,
      timesSeen: 10,
    };
    expect(applyEventToIssue(issue, at, 12).status).toBe('ignored');
    expect(applyEventToIssue(issue, at, 13)).toMatchObject({ status: 'unresolved', substatus: 'ongoing' });
  });
});
