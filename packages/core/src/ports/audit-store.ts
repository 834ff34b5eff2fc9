import type { AuditEntry, AuditQuery, NewAuditEntry } from '../audit/audit-entry.ts';

export interface AuditStore {
  record(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}
