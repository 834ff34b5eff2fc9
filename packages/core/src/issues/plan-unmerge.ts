import type { Level } from '../events/event-types.ts';

/** What an unmerge needs to know about each event it moves. */
export interface UnmergeEvent {
  eventId: string;
  timestamp: Date;
  level: Level;
  release: string | null;
  userKey: string | null;
  tags: Record<string, string>;
}

export interface TagCount {
  key: string;
  value: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

/** The counters that move with the events from the source issue to the new one. */
export interface UnmergeMove {
  hashes: string[];
  eventIds: string[];
  timesSeen: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  level: Level | null;
  firstRelease: string | null;
  lastRelease: string | null;
  /** Distinct affected users of the moved events. */
  userKeys: string[];
  tags: TagCount[];
  /** Events per hour (bucket = epoch ms at the start of the hour). */
  hourly: { bucket: number; count: number }[];
}

const HOUR_MS = 3_600_000;

/** Sums the events an unmerge moves into the counts both issues must change by. */
export function planUnmerge(hashes: string[], events: UnmergeEvent[]): UnmergeMove {
  const byTime = [...events].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const tags = new Map<string, TagCount>();
  const hourly = new Map<number, number>();
  const users = new Set<string>();
  for (const event of byTime) {
    if (event.userKey !== null) users.add(event.userKey);
    const bucket = Math.floor(event.timestamp.getTime() / HOUR_MS) * HOUR_MS;
    hourly.set(bucket, (hourly.get(bucket) ?? 0) + 1);
    for (const [key, value] of Object.entries(event.tags)) {
      const id = `${key}\u0000${value}`;
      const tag = tags.get(id);
      if (tag === undefined) {
        tags.set(id, { key, value, count: 1, firstSeen: event.timestamp, lastSeen: event.timestamp });
      } else {
        tag.count += 1;
        tag.lastSeen = event.timestamp;
      }
    }
  }
  const releases = byTime.map((e) => e.release).filter((r): r is string => r !== null);
  return {
    hashes,
    eventIds: byTime.map((e) => e.eventId),
    timesSeen: byTime.length,
    firstSeen: byTime[0]?.timestamp ?? null,
    lastSeen: byTime.at(-1)?.timestamp ?? null,
    level: byTime.at(-1)?.level ?? null,
    firstRelease: releases[0] ?? null,
    lastRelease: releases.at(-1) ?? null,
    userKeys: [...users],
    tags: [...tags.values()],
    hourly: [...hourly.entries()].sort(([a], [b]) => a - b).map(([bucket, count]) => ({ bucket, count })),
  };
}
