import type { AlertRuleConfigEntry, OrganizationBootstrap } from '@fixloop/config';
import type { AlertChannel, AlertRuleChannelRef, Organization, Storage } from '@fixloop/core';
import { sealChannelSecrets } from '@fixloop/notifiers';
import type { SecretBox } from '@fixloop/notifiers';
import { ensureDefaultRules } from './project-alert-rules.ts';

/**
 * Makes the database match the config file's `alerts` sections at boot: config channels and rules are
 * created or updated (secrets sealed), those removed from the file are deleted, projects with
 * `defaults: false` lose their seeded rules, and every other project gets the defaults once.
 */
export async function syncConfigAlerts(
  storage: Storage,
  organizations: readonly OrganizationBootstrap[],
  box: SecretBox,
  at: Date,
): Promise<void> {
  const declared = new Map(organizations.map((o) => [o.slug, o]));
  for (const organization of await storage.projects.listOrganizations()) {
    const config = declared.get(organization.slug);
    const channels = await syncChannels(storage, organization, config, box, at);
    await syncRules(storage, organization, config, channels, at);
    for (const project of await storage.projects.listProjects(organization.id)) {
      const wantsDefaults = config?.projects.find((p) => p.slug === project.slug)?.alerts?.defaults ?? true;
      if (wantsDefaults) {
        await ensureDefaultRules(storage, project, at);
        continue;
      }
      await storage.alerts.writeState(`defaults:project:${project.id}`, { skippedAt: at }, null);
      const rules = await storage.alerts.listRules({
        organizationId: organization.id,
        projectId: project.id,
      });
      for (const rule of rules.filter((r) => r.source === 'default'))
        await storage.alerts.deleteRule(rule.id);
    }
  }
}

async function syncChannels(
  storage: Storage,
  organization: Organization,
  config: OrganizationBootstrap | undefined,
  box: SecretBox,
  at: Date,
): Promise<AlertChannel[]> {
  const existing = await storage.alerts.listChannels({ organizationId: organization.id });
  const wanted = config?.alerts?.channels ?? [];
  for (const channel of existing.filter(
    (c) => c.source === 'config' && !wanted.some((w) => w.name === c.name),
  )) {
    await storage.alerts.deleteChannel(channel.id);
  }
  for (const entry of wanted) {
    const values = {
      config: sealChannelSecrets(entry.config, box),
      enabled: entry.enabled,
      policy: entry.policy,
      allowPrivateNetworks: entry.allowPrivateNetworks,
      systemAlerts: entry.systemAlerts,
    };
    const current = existing.find((c) => c.name === entry.name);
    // A channel of that name made over the API becomes the file's (names are unique per organization).
    if (current)
      await storage.alerts.updateChannel(current.id, { ...values, kind: entry.kind, source: 'config', at });
    else {
      await storage.alerts.createChannel({
        ...values,
        organizationId: organization.id,
        kind: entry.kind,
        name: entry.name,
        source: 'config',
        at,
      });
    }
  }
  return storage.alerts.listChannels({ organizationId: organization.id });
}

async function syncRules(
  storage: Storage,
  organization: Organization,
  config: OrganizationBootstrap | undefined,
  channels: AlertChannel[],
  at: Date,
): Promise<void> {
  const projects = await storage.projects.listProjects(organization.id);
  const wanted: { projectId: number | null; entry: AlertRuleConfigEntry }[] = [
    ...(config?.alerts?.rules ?? []).map((entry) => ({ projectId: null, entry })),
    ...(config?.projects ?? []).flatMap((p) => {
      const project = projects.find((x) => x.slug === p.slug);
      return project ? (p.alerts?.rules ?? []).map((entry) => ({ projectId: project.id, entry })) : [];
    }),
  ];
  const existing = (await storage.alerts.listRules({ organizationId: organization.id })).filter(
    (r) => r.source === 'config',
  );
  const keys = new Set(wanted.map((w) => `config:${w.entry.key}`));
  for (const rule of existing.filter((r) => !keys.has(r.key ?? ''))) await storage.alerts.deleteRule(rule.id);
  for (const { projectId, entry } of wanted) {
    const refs: AlertRuleChannelRef[] = entry.channels.map((ref) =>
      'channel' in ref ? { channelId: String(channels.find((c) => c.name === ref.channel)?.id ?? '') } : ref,
    );
    const { key, channels: _names, ...spec } = entry;
    const values = { ...spec, channels: refs, projectId };
    const current = existing.find((r) => r.key === `config:${key}`);
    if (current) await storage.alerts.updateRule(current.id, { ...values, at });
    else
      await storage.alerts.createRule({
        ...values,
        organizationId: organization.id,
        key: `config:${key}`,
        source: 'config',
        at,
      });
  }
}
