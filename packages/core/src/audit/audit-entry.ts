/**
 * One state change made through the API: who (a user, a token or the system), what (an action on a
 * target), when, and the old and new value. Entries are append-only.
 */
export interface AuditEntry {
  id: number;
  organizationId: number | null;
  /** `user:<email>`, `token:<name>` or `system`. */
  actor: string;
  userId: number | null;
  tokenId: number | null;
  /** Dotted verb, e.g. `issue.update`, `token.create`, `member.remove`. */
  action: string;
  /** `<kind>:<id>`, e.g. `issue:42`. */
  target: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditQuery {
  organizationId?: number;
  action?: string;
  target?: string;
  limit: number;
  offset: number;
}
