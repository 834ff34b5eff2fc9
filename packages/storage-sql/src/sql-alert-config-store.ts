import type { Kysely, Selectable } from 'kysely';
import type {
  AlertChannel,
  AlertChannelPatch,
  AlertConfigSource,
  AlertRulePatch,
  AlertRuleRecord,
  AlertStore,
  ChannelKind,
  ChannelThrottlePolicy,
  NewAlertRuleRecord,
} from '@fixloop/core';
import type { AlertChannelsTable, AlertRulesTable, Database } from './database.ts';
import { insertOrConflict, isUniqueViolation } from './unique-violation.ts';

type ConfigStore = Pick<
  AlertStore,
  | 'createChannel'
  | 'getChannel'
  | 'listChannels'
  | 'updateChannel'
  | 'deleteChannel'
  | 'createRule'
  | 'insertRuleIfAbsent'
  | 'getRule'
  | 'listRules'
  | 'listScheduledRules'
  | 'updateRule'
  | 'deleteRule'
>;

const flag = (value: boolean) => (value ? 1 : 0);

/** Channels and rules of alerting. JSON columns hold exactly what the domain types say. */
export function createSqlAlertConfigStore(db: Kysely<Database>): ConfigStore {
  const channel = async (id: number) => {
    const row = await db.selectFrom('alert_channels').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toChannel(row);
  };
  const rule = async (id: number) => {
    const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toRule(row);
  };
  return {
    async createChannel(input) {
      const row = await insertOrConflict('an alert channel with this name', () =>
        db
          .insertInto('alert_channels')
          .values({
            organization_id: input.organizationId,
            kind: input.kind,
            name: input.name,
            ...policyColumns(input.policy),
            config: JSON.stringify(input.config),
            enabled: flag(input.enabled),
            allow_private_networks: flag(input.allowPrivateNetworks),
            system_alerts: flag(input.systemAlerts),
            source: input.source,
            created_at: input.at.getTime(),
            updated_at: input.at.getTime(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toChannel(row);
    },
    getChannel: channel,
    async listChannels(query) {
      let q = db.selectFrom('alert_channels').selectAll();
      if (query.organizationId !== undefined) q = q.where('organization_id', '=', query.organizationId);
      if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
      if (query.enabledOnly === true) q = q.where('enabled', '=', 1);
      return (await q.orderBy('id').execute()).map(toChannel);
    },
    async updateChannel(id, patch) {
      await insertOrConflict('an alert channel with this name', () =>
        db.updateTable('alert_channels').set(channelPatch(patch)).where('id', '=', id).execute(),
      );
      return channel(id);
    },
    async deleteChannel(id) {
      const result = await db.deleteFrom('alert_channels').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async createRule(input) {
      const row = await insertOrConflict('an alert rule with this key', () =>
        db.insertInto('alert_rules').values(ruleRow(input)).returningAll().executeTakeFirstOrThrow(),
      );
      return toRule(row);
    },
    async insertRuleIfAbsent(input) {
      try {
        const inserted = await db
          .insertInto('alert_rules')
          .values(ruleRow(input))
          .onConflict((oc) => oc.columns(['organization_id', 'key']).doNothing())
          .returning('id')
          .executeTakeFirst();
        return inserted !== undefined;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    getRule: rule,
    async listRules(query) {
      let q = db.selectFrom('alert_rules').selectAll().where('organization_id', '=', query.organizationId);
      const { projectId } = query;
      if (projectId === null) q = q.where('project_id', 'is', null);
      else if (projectId !== undefined) {
        q = query.withOrganizationRules
          ? q.where((eb) => eb.or([eb('project_id', '=', projectId), eb('project_id', 'is', null)]))
          : q.where('project_id', '=', projectId);
      }
      return (await q.orderBy('id').execute()).map(toRule);
    },
    async listScheduledRules() {
      const rows = await db
        .selectFrom('alert_rules')
        .selectAll()
        .where('scheduled', '=', 1)
        .orderBy('id')
        .execute();
      return rows.map(toRule);
    },
    async updateRule(id, patch) {
      const values = rulePatch(patch);
      await db.updateTable('alert_rules').set(values).where('id', '=', id).execute();
      return rule(id);
    },
    async deleteRule(id) {
      const result = await db.deleteFrom('alert_rules').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

function policyColumns(policy: ChannelThrottlePolicy) {
  return {
    quiet_hours: policy.quietHours === null ? null : JSON.stringify(policy.quietHours),
    max_per_minute: policy.maxPerMinute,
  };
}

function channelPatch(patch: AlertChannelPatch): Partial<Omit<AlertChannelsTable, 'id'>> {
  const row: Partial<Omit<AlertChannelsTable, 'id'>> = { updated_at: patch.at.getTime() };
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.kind !== undefined) row.kind = patch.kind;
  if (patch.source !== undefined) row.source = patch.source;
  if (patch.config !== undefined) row.config = JSON.stringify(patch.config);
  if (patch.enabled !== undefined) row.enabled = flag(patch.enabled);
  if (patch.policy !== undefined) Object.assign(row, policyColumns(patch.policy));
  if (patch.allowPrivateNetworks !== undefined) row.allow_private_networks = flag(patch.allowPrivateNetworks);
  if (patch.systemAlerts !== undefined) row.system_alerts = flag(patch.systemAlerts);
  return row;
}

const isScheduled = (triggers: AlertRuleRecord['triggers']) =>
  flag(triggers.some((t) => t.type === 'schedule'));

function ruleRow(input: NewAlertRuleRecord) {
  return {
    organization_id: input.organizationId,
    project_id: input.projectId,
    key: input.key,
    source: input.source,
    name: input.name,
    enabled: flag(input.enabled),
    triggers: JSON.stringify(input.triggers),
    filters: JSON.stringify(input.filters),
    channels: JSON.stringify(input.channels),
    throttle_window_minutes: input.throttle.windowMinutes,
    digest_threshold: input.throttle.digestThreshold,
    snoozed_until: input.snoozedUntil?.getTime() ?? null,
    scheduled: isScheduled(input.triggers),
    created_at: input.at.getTime(),
    updated_at: input.at.getTime(),
  };
}

function rulePatch(patch: AlertRulePatch): Partial<Omit<AlertRulesTable, 'id'>> {
  const row: Partial<Omit<AlertRulesTable, 'id'>> = { updated_at: patch.at.getTime() };
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.enabled !== undefined) row.enabled = flag(patch.enabled);
  if (patch.projectId !== undefined) row.project_id = patch.projectId;
  if (patch.triggers !== undefined) {
    row.triggers = JSON.stringify(patch.triggers);
    row.scheduled = isScheduled(patch.triggers);
  }
  if (patch.filters !== undefined) row.filters = JSON.stringify(patch.filters);
  if (patch.channels !== undefined) row.channels = JSON.stringify(patch.channels);
  if (patch.throttle !== undefined) {
    row.throttle_window_minutes = patch.throttle.windowMinutes;
    row.digest_threshold = patch.throttle.digestThreshold;
  }
  if (patch.snoozedUntil !== undefined) row.snoozed_until = patch.snoozedUntil?.getTime() ?? null;
  return row;
}

function toChannel(row: Selectable<AlertChannelsTable>): AlertChannel {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    kind: row.kind as ChannelKind,
    name: row.name,
    config: JSON.parse(row.config) as Record<string, unknown>,
    enabled: Number(row.enabled) === 1,
    policy: {
      quietHours:
        row.quiet_hours === null
          ? null
          : (JSON.parse(row.quiet_hours) as ChannelThrottlePolicy['quietHours']),
      maxPerMinute: row.max_per_minute === null ? null : Number(row.max_per_minute),
    },
    allowPrivateNetworks: Number(row.allow_private_networks) === 1,
    systemAlerts: Number(row.system_alerts) === 1,
    source: row.source as AlertConfigSource,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toRule(row: Selectable<AlertRulesTable>): AlertRuleRecord {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    projectId: row.project_id === null ? null : Number(row.project_id),
    key: row.key,
    source: row.source as AlertConfigSource,
    name: row.name,
    enabled: Number(row.enabled) === 1,
    triggers: JSON.parse(row.triggers) as AlertRuleRecord['triggers'],
    filters: JSON.parse(row.filters) as AlertRuleRecord['filters'],
    channels: JSON.parse(row.channels) as AlertRuleRecord['channels'],
    throttle: {
      windowMinutes: Number(row.throttle_window_minutes),
      digestThreshold: Number(row.digest_threshold),
    },
    snoozedUntil: row.snoozed_until === null ? null : new Date(Number(row.snoozed_until)),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}
