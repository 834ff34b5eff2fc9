import type { AuditEntry } from '@fixloop/core';

export interface AuditEntryJson {
  id: string;
  /** The action, e.g. `member.update` (Sentry calls it `event`). */
  event: string;
  actor: { type: 'user' | 'token' | 'system'; name: string; userId: string | null; tokenId: string | null };
  target: string;
  before: unknown;
  after: unknown;
  dateCreated: string;
}

export function serializeAuditEntry(entry: AuditEntry): AuditEntryJson {
  const type = entry.tokenId !== null ? 'token' : entry.userId !== null ? 'user' : 'system';
  return {
    id: String(entry.id),
    event: entry.action,
    actor: {
      type,
      name: entry.actor,
      userId: entry.userId === null ? null : String(entry.userId),
      tokenId: entry.tokenId === null ? null : String(entry.tokenId),
    },
    target: entry.target,
    before: entry.before,
    after: entry.after,
    dateCreated: entry.createdAt.toISOString(),
  };
}
