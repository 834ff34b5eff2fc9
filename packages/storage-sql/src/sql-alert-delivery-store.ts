import type { Kysely, Selectable } from 'kysely';
import { decodeAlertPayload, encodeAlertPayload } from '@fixloop/core';
import type {
  AlertDeliveryEntry,
  AlertDeliveryPatch,
  AlertDeliveryPayload,
  AlertDeliveryState,
  AlertPipelineDetails,
  AlertPipelineEvent,
  AlertStore,
  ChannelKind,
  PipelineAlertKind,
  SlackThread,
} from '@fixloop/core';
import type { AlertDeliveriesTable, Database } from './database.ts';
import { isUniqueViolation } from './unique-violation.ts';

type DeliveryStore = Pick<
  AlertStore,
  | 'recordDelivery'
  | 'getDelivery'
  | 'updateDelivery'
  | 'listDeliveries'
  | 'readState'
  | 'writeState'
  | 'findSlackThread'
  | 'saveSlackThread'
  | 'recordPipelineEvent'
  | 'listPipelineEvents'
>;

/** The delivery log, the shared throttle/cursor state, Slack threads and published pipeline steps. */
export function createSqlAlertDeliveryStore(db: Kysely<Database>): DeliveryStore {
  const delivery = async (id: number) => {
    const row = await db.selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toDelivery(row);
  };
  const byKey = async (key: string) => {
    const row = await db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('dedupe_key', '=', key)
      .executeTakeFirst();
    return row === undefined ? null : toDelivery(row);
  };
  const thread = async (issueId: number, channelId: number) => {
    const row = await db
      .selectFrom('slack_threads')
      .selectAll()
      .where('issue_id', '=', issueId)
      .where('alert_channel_id', '=', channelId)
      .executeTakeFirst();
    return row === undefined ? null : toThread(row);
  };
  return {
    async recordDelivery(input) {
      if (input.dedupeKey !== null) {
        const existing = await byKey(input.dedupeKey);
        if (existing !== null) return { delivery: existing, created: false };
      }
      try {
        const row = await db
          .insertInto('alert_deliveries')
          .values({
            organization_id: input.organizationId,
            rule_id: input.ruleId,
            channel_id: input.channelId,
            channel_kind: input.channelKind,
            kind: input.kind,
            issue_id: input.issueId,
            summary: input.summary,
            status: input.status,
            attempts: input.attempts,
            provider_message_id: input.providerMessageId,
            error: input.error,
            dedupe_key: input.dedupeKey,
            payload: input.payload === null ? null : encodeAlertPayload(input.payload),
            created_at: input.at.getTime(),
            updated_at: input.at.getTime(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { delivery: toDelivery(row), created: true };
      } catch (error) {
        // Another instance recorded the same delivery in between: theirs stands.
        const winner =
          input.dedupeKey !== null && isUniqueViolation(error) ? await byKey(input.dedupeKey) : null;
        if (winner === null) throw error;
        return { delivery: winner, created: false };
      }
    },
    getDelivery: delivery,
    async updateDelivery(id, patch) {
      await db.updateTable('alert_deliveries').set(deliveryPatch(patch)).where('id', '=', id).execute();
      return delivery(id);
    },
    async listDeliveries(query) {
      let q = db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('organization_id', '=', query.organizationId);
      if (query.channelId !== undefined) q = q.where('channel_id', '=', query.channelId);
      if (query.status !== undefined) q = q.where('status', '=', query.status);
      if (query.issueId !== undefined) q = q.where('issue_id', '=', query.issueId);
      const rows = await q.orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
      return rows.map(toDelivery);
    },
    async readState(key) {
      const row = await db
        .selectFrom('alert_throttle_state')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      if (row === undefined) return null;
      return { key: row.key, value: decodeAlertPayload(row.value), version: Number(row.version) };
    },
    async writeState(key, value, expectedVersion) {
      const values = { value: encodeAlertPayload(value), updated_at: Date.now() };
      if (expectedVersion === null) {
        const inserted = await db
          .insertInto('alert_throttle_state')
          .values({ key, ...values, version: 1 })
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('key')
          .executeTakeFirst();
        return inserted !== undefined;
      }
      const result = await db
        .updateTable('alert_throttle_state')
        .set({ ...values, version: expectedVersion + 1 })
        .where('key', '=', key)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    findSlackThread: thread,
    async saveSlackThread(input) {
      await db
        .insertInto('slack_threads')
        .values({
          issue_id: input.issueId,
          alert_channel_id: input.alertChannelId,
          slack_channel: input.slackChannel,
          ts: input.ts,
          created_at: input.createdAt.getTime(),
        })
        .onConflict((oc) => oc.columns(['issue_id', 'alert_channel_id']).doNothing())
        .execute();
      return (await thread(input.issueId, input.alertChannelId)) ?? input;
    },
    async recordPipelineEvent(event) {
      const row = await db
        .insertInto('alert_pipeline_events')
        .values({
          issue_id: event.issueId,
          project_id: event.projectId,
          kind: event.kind,
          details: JSON.stringify(event.details),
          created_at: event.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPipelineEvent(row);
    },
    async listPipelineEvents(issueId, limit) {
      const rows = await db
        .selectFrom('alert_pipeline_events')
        .selectAll()
        .where('issue_id', '=', issueId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toPipelineEvent);
    },
  };
}

function deliveryPatch(patch: AlertDeliveryPatch): Partial<Omit<AlertDeliveriesTable, 'id'>> {
  const row: Partial<Omit<AlertDeliveriesTable, 'id'>> = { updated_at: patch.at.getTime() };
  if (patch.status !== undefined) row.status = patch.status;
  if (patch.attempts !== undefined) row.attempts = patch.attempts;
  if (patch.providerMessageId !== undefined) row.provider_message_id = patch.providerMessageId;
  if (patch.error !== undefined) row.error = patch.error;
  if (patch.payload !== undefined)
    row.payload = patch.payload === null ? null : encodeAlertPayload(patch.payload);
  return row;
}

function toDelivery(row: Selectable<AlertDeliveriesTable>): AlertDeliveryEntry {
  const nullable = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: Number(row.id),
    organizationId: nullable(row.organization_id),
    ruleId: nullable(row.rule_id),
    channelId: Number(row.channel_id),
    channelKind: row.channel_kind as ChannelKind,
    kind: row.kind,
    issueId: nullable(row.issue_id),
    summary: row.summary,
    status: row.status as AlertDeliveryState,
    attempts: Number(row.attempts),
    providerMessageId: row.provider_message_id,
    error: row.error,
    dedupeKey: row.dedupe_key,
    payload: row.payload === null ? null : (decodeAlertPayload(row.payload) as AlertDeliveryPayload),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toThread(row: Selectable<Database['slack_threads']>): SlackThread {
  return {
    issueId: Number(row.issue_id),
    alertChannelId: Number(row.alert_channel_id),
    slackChannel: row.slack_channel,
    ts: row.ts,
    createdAt: new Date(Number(row.created_at)),
  };
}

function toPipelineEvent(row: Selectable<Database['alert_pipeline_events']>): AlertPipelineEvent {
  return {
    id: Number(row.id),
    issueId: Number(row.issue_id),
    projectId: Number(row.project_id),
    kind: row.kind as PipelineAlertKind,
    details: JSON.parse(row.details) as AlertPipelineDetails,
    createdAt: new Date(Number(row.created_at)),
  };
}
