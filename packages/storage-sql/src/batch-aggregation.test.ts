import { eventWrite } from '@fixloop/storage-contract';
import { describe, expect, it } from 'vitest';
import { USER_TAG, aggregateByIssue } from './batch-aggregation.ts';
import type { AcceptedEvent, IssueAggregate, TagAggregate } from './batch-aggregation.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T10:20:00.000Z');

function accepted(
  index: number,
  issueId: number,
  minutes: number,
  tags: Record<string, string>,
): AcceptedEvent {
  const write = eventWrite(1, {
    timestamp: new Date(T0 + minutes * 60_000),
    userKey: `id:${index}`,
    release: `app@1.${index}.0`,
    tags,
  });
  return { index, write, issueId };
}

const counts = (tags: TagAggregate[]) => tags.map((t) => [t.key, t.value, t.count, t.firstSeen, t.lastSeen]);

/** What two aggregates of one issue add up to, tag by tag: the shape aggregating both events at once must have. */
function merged(a: IssueAggregate, b: IssueAggregate): (string | number)[][] {
  const byId = new Map<string, TagAggregate>();
  for (const t of [...a.tags, ...b.tags]) {
    const id = `${t.key}\u0000${t.value}`;
    const seen = byId.get(id);
    byId.set(
      id,
      seen === undefined
        ? { ...t }
        : {
            ...seen,
            count: seen.count + t.count,
            firstSeen: Math.min(seen.firstSeen, t.firstSeen),
            lastSeen: Math.max(seen.lastSeen, t.lastSeen),
          },
    );
  }
  return counts(
    [...byId.values()].sort((x, y) =>
      x.key === y.key ? (x.value < y.value ? -1 : 1) : x.key < y.key ? -1 : 1,
    ),
  );
}

describe('aggregateByIssue', () => {
  it("an issue's only event: its tags and user key sorted by key, one hourly bucket, its release", () => {
    const only = accepted(3, 7, 5, { url: '/cart', browser: 'Firefox', level: 'error' });
    const [agg] = aggregateByIssue([only]);
    const at = T0 + 5 * 60_000;
    expect(agg).toEqual({
      issueId: 7,
      events: [only],
      firstSeen: at,
      lastSeen: at,
      latest: only.write.event,
      firstRelease: 'app@1.3.0',
      lastRelease: 'app@1.3.0',
      tags: [
        { issueId: 7, key: 'browser', value: 'Firefox', count: 1, firstSeen: at, lastSeen: at },
        { issueId: 7, key: 'level', value: 'error', count: 1, firstSeen: at, lastSeen: at },
        { issueId: 7, key: USER_TAG, value: 'id:3', count: 1, firstSeen: at, lastSeen: at },
        { issueId: 7, key: 'url', value: '/cart', count: 1, firstSeen: at, lastSeen: at },
      ],
      hourly: [{ bucket: at - (at % HOUR), count: 1 }],
      receivedAt: only.write.event.receivedAt.getTime(),
    });
  });

  it('two events of one issue add up to what each one alone gives', () => {
    const first = accepted(1, 4, 50, { browser: 'Firefox', level: 'error', shared: 'x' });
    const second = accepted(2, 4, 5, { browser: 'Chrome', level: 'error', shared: 'x' });
    const [one] = aggregateByIssue([first]);
    const [two] = aggregateByIssue([second]);
    const [both] = aggregateByIssue([first, second]);
    expect(counts(both!.tags)).toEqual(merged(one!, two!));
    expect(both).toMatchObject({
      firstSeen: two!.firstSeen,
      lastSeen: one!.lastSeen,
      latest: first.write.event,
      firstRelease: 'app@1.2.0',
      lastRelease: 'app@1.1.0',
      hourly: [
        { bucket: one!.hourly[0]!.bucket, count: 1 },
        { bucket: two!.hourly[0]!.bucket, count: 1 },
      ],
    });
  });

  it('an own sentry:user tag equal to the user key merges with it into one row', () => {
    const event = accepted(5, 2, 0, { [USER_TAG]: 'id:5', level: 'error' });
    const [agg] = aggregateByIssue([event]);
    expect(counts(agg!.tags)).toEqual([
      ['level', 'error', 1, T0, T0],
      [USER_TAG, 'id:5', 2, T0, T0],
    ]);
  });
});
