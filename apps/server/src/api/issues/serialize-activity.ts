import type { Issue, IssueActivityEntry, Storage, User } from '@fixloop/core';

export interface ActivityUserJson {
  id: string;
  name: string;
  username: string;
  email: string;
}

/** Sentry's activity JSON (`type: "note"` for comments, `data.text` their text). */
export interface ActivityJson {
  id: string;
  type: string;
  data: Record<string, unknown>;
  user: ActivityUserJson | null;
  dateCreated: string;
}

export function serializeActivityUser(user: User): ActivityUserJson {
  return { id: String(user.id), name: user.name, username: user.email, email: user.email };
}

/** Serializes activities, loading each distinct author once. */
export async function serializeActivities(
  storage: Storage,
  activities: IssueActivityEntry[],
): Promise<ActivityJson[]> {
  const users = new Map<number, User | null>();
  for (const a of activities) {
    if (a.userId !== null && !users.has(a.userId))
      users.set(a.userId, await storage.accounts.getUser(a.userId));
  }
  return activities.map((a) => {
    const user = a.userId === null ? null : (users.get(a.userId) ?? null);
    return {
      id: String(a.id),
      type: a.type,
      data: a.data,
      user: user === null ? null : serializeActivityUser(user),
      dateCreated: a.createdAt.toISOString(),
    };
  });
}

/** Every issue's history starts with it being seen first; Fixloop derives that entry from the issue. */
export function firstSeenActivity(issue: Issue): ActivityJson {
  return {
    id: `first_seen:${issue.id}`,
    type: 'first_seen',
    data: { priority: null },
    user: null,
    dateCreated: issue.firstSeen.toISOString(),
  };
}
