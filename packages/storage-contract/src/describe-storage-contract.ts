import { describe } from 'vitest';
import { describeAccountsContract } from './accounts-contract.ts';
import { describeIngestGroupingContract } from './ingest-grouping-contract.ts';
import { describeIngestPreEncodedContract } from './ingest-pre-encoded-contract.ts';
import type { PreEncode } from './ingest-pre-encoded-contract.ts';
import { describeIngestSideItemsContract } from './ingest-side-items-contract.ts';
import { describeIssuesContract } from './issues-contract.ts';
import { describeJobsContract } from './jobs-contract.ts';
import { describeProjectsContract } from './projects-contract.ts';
import { describeRetentionContract } from './retention-contract.ts';
import type { StorageSetup } from './storage-contract-context.ts';

/**
 * The one contract both storage adapters pass. `setup` must return a fresh, empty database each
 * time it is called (areas get their own; the job tests get one per test). `preEncode`: the adapter's
 * codec for writes that ingest worker threads encode ahead of time (EventWrite.encoded).
 */
export function describeStorageContract(
  name: string,
  setup: StorageSetup,
  options: { preEncode?: PreEncode } = {},
): void {
  describe(`storage contract: ${name}`, () => {
    describeProjectsContract(setup);
    describeAccountsContract(setup);
    describeIngestGroupingContract(setup);
    describeIngestSideItemsContract(setup);
    if (options.preEncode) describeIngestPreEncodedContract(setup, options.preEncode);
    describeIssuesContract(setup);
    describeJobsContract(setup);
    describeRetentionContract(setup);
  });
}
