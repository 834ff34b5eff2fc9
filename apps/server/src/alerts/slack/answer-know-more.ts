import { knowMoreDetails } from '@fixloop/core';
import type { AlertChannel } from '@fixloop/core';
import type { SlackChannelConfig, SlackKnowMoreClick } from '@fixloop/notifiers';
import type { AlertingContext } from '../alerting-context.ts';
import { loadIssueSubject } from '../issue-alert-subject.ts';
import { buildKnowMoreReply } from './know-more-reply.ts';
import { postSlackReply } from './post-slack-reply.ts';

/**
 * Answers a Know More click in the alert's thread with what Fixloop knows about the issue, logs the reply
 * as a delivery, and remembers the thread so later pipeline updates about the issue land in it too.
 */
export async function answerKnowMore(
  context: AlertingContext,
  channel: AlertChannel,
  config: SlackChannelConfig,
  click: SlackKnowMoreClick,
): Promise<void> {
  const { storage, clock } = context;
  const subject = await loadIssueSubject(storage, context.baseUrl(), click.issueId, null);
  // Another organization's issue id in a forged-but-signed payload gets no answer.
  if (subject === null || subject.project.organizationId !== channel.organizationId) return;
  const investigation =
    (await storage.investigations.listForIssue(click.issueId, { limit: 1, offset: 0 }))[0] ?? null;
  const details = knowMoreDetails(investigation, await storage.alerts.listPipelineEvents(click.issueId, 20));
  const reply = buildKnowMoreReply(subject.summary, details);
  const where = { channel: click.channelId, threadTs: click.threadTs, responseUrl: click.responseUrl };
  const result = await postSlackReply(
    config,
    channel.allowPrivateNetworks,
    where,
    reply,
    context.notifierOptions.fetch,
  );
  const at = clock.now();
  await storage.alerts.saveSlackThread({
    issueId: click.issueId,
    alertChannelId: channel.id,
    slackChannel: click.channelId,
    ts: click.threadTs,
    createdAt: at,
  });
  await storage.alerts.recordDelivery({
    organizationId: channel.organizationId,
    ruleId: null,
    channelId: channel.id,
    channelKind: 'slack',
    kind: 'know_more',
    issueId: click.issueId,
    summary: `know_more: ${subject.summary.shortId} for ${click.userName ?? click.userId}`.slice(0, 300),
    status: result.ok ? 'sent' : 'failed',
    attempts: 1,
    providerMessageId: result.ok ? (result.providerMessageId ?? null) : null,
    error: result.ok ? null : result.error,
    dedupeKey: null,
    payload: null,
    at,
  });
  if (!result.ok) context.log(`alerts: Know More reply for issue ${click.issueId} failed: ${result.error}`);
}
