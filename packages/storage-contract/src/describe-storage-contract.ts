import { describe } from 'vitest';
import { describeAccountsContract } from './accounts-contract.ts';
import { describeAlertingContract } from './alerting-contract.ts';
import { describeAuditContract } from './audit-contract.ts';
import { describeAutofixContract } from './autofix-contract.ts';
import { describeEventSearchContract } from './event-search-contract.ts';
import { describeIngestGroupingContract } from './ingest-grouping-contract.ts';
import { describeIngestPreEncodedContract } from './ingest-pre-encoded-contract.ts';
import type { PreEncode } from './ingest-pre-encoded-contract.ts';
import { describeIngestSideItemsContract } from './ingest-side-items-contract.ts';
import { describeInvestigationsContract } from './investigations-contract.ts';
import { describeIssueEnvironmentStatsContract } from './issue-environment-stats-contract.ts';
import { describeIssueEnvironmentTagsContract } from './issue-environment-tags-contract.ts';
import { describeIssuesContract } from './issues-contract.ts';
import { describeIssueSearchContract } from './issue-search-contract.ts';
import { describeIssueWorkflowContract } from './issue-workflow-contract.ts';
import { describeJobsContract } from './jobs-contract.ts';
import { describeMembersKeysContract } from './members-keys-contract.ts';
import { describeProjectsContract } from './projects-contract.ts';
import { describeReleasesArtifactsContract } from './releases-artifacts-contract.ts';
import { describeRetentionContract } from './retention-contract.ts';
import type { StorageSetup } from './storage-contract-context.ts';
import { describeTeamsSessionsContract } from './teams-sessions-contract.ts';

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
    describeIssueSearchContract(setup);
    describeIssueEnvironmentStatsContract(setup);
    describeIssueEnvironmentTagsContract(setup);
    describeEventSearchContract(setup);
    describeIssueWorkflowContract(setup);
    describeJobsContract(setup);
    describeRetentionContract(setup);
    describeAuditContract(setup);
    describeTeamsSessionsContract(setup);
    describeMembersKeysContract(setup);
    describeInvestigationsContract(setup);
    describeAlertingContract(setup);
    describeAutofixContract(setup);
    describeReleasesArtifactsContract(setup);
  });
}
