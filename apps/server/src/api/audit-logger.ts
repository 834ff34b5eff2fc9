import type { Clock, Storage } from '@fixloop/core';
import { principalLabel } from './principal.ts';
import type { Principal } from './principal.ts';

export interface AuditRecord {
  organizationId: number | null;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what through the API. Every mutating route calls it after the change. */
export class AuditLogger {
  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal | null, entry: AuditRecord): Promise<void> {
    await this.storage.audit.record({
      organizationId: entry.organizationId,
      actor: principal === null ? 'system' : principalLabel(principal),
      userId: principal?.user?.id ?? null,
      tokenId: principal?.kind === 'token' ? principal.token.id : null,
      action: entry.action,
      target: entry.target,
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: this.clock.now(),
    });
  }
}
