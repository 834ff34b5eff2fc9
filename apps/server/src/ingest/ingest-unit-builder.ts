import type { OutcomeWrite } from '@fixloop/core';
import type { IngestUnit } from './ingest-batcher.ts';

/** Collects one request's writes and sums its outcomes per (category, outcome). */
export class IngestUnitBuilder {
  readonly unit: IngestUnit = { events: [], attachments: [], userReports: [], outcomes: [] };

  constructor(
    private readonly projectId: number,
    private readonly at: Date,
  ) {}

  outcome(category: string, outcome: OutcomeWrite['outcome'], quantity = 1): void {
    const existing = this.unit.outcomes.find((o) => o.category === category && o.outcome === outcome);
    if (existing) existing.quantity += quantity;
    else this.unit.outcomes.push({ projectId: this.projectId, category, outcome, quantity, at: this.at });
  }

  isEmpty(): boolean {
    const { events, attachments, userReports, outcomes } = this.unit;
    return events.length + attachments.length + userReports.length + outcomes.length === 0;
  }
}
