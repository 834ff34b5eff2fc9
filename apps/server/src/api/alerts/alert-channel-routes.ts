import { AppError } from '@fixloop/core';
import type { AlertChannel } from '@fixloop/core';
import { z } from 'zod';
import type { Alerting } from '../../alerts/start-alerting.ts';
import { sendTestMessage } from '../../alerts/send-test-message.ts';
import { telegramWebhookSecret } from '../../alerts/telegram/telegram-webhook-route.ts';
import type { OrganizationAccess } from '../api-access.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { effectiveScopes, isSuperPrincipal } from '../principal.ts';
import type { Principal } from '../principal.ts';
import { createChannelBody, prepareChannelConfig, updateChannelBody } from './alert-channel-input.ts';
import { auditChannelView, serializeAlertChannel } from './serialize-alert-channel.ts';
import { serializeAlertDelivery } from './serialize-alert-delivery.ts';

const orgParams = z.object({ org: z.string().min(1) });
const channelParams = orgParams.extend({ channelId: z.string().regex(/^\d+$/, 'must be a channel id') });

/** Private targets and system alerts widen what a channel can reach or see: owners / superusers only. */
function checkPrivileges(
  principal: Principal,
  access: OrganizationAccess,
  body: { allowPrivateNetworks?: boolean; systemAlerts?: boolean },
) {
  if (
    body.allowPrivateNetworks === true &&
    !effectiveScopes(principal, access.organization.id).has('org:admin')
  ) {
    throw new AppError('forbidden', 'Only organization owners may allow private network targets.');
  }
  if (body.systemAlerts === true && !isSuperPrincipal(principal)) {
    throw new AppError('forbidden', 'Only superusers may route system alerts to a channel.');
  }
}

/** `/api/0/organizations/{org}/alert-channels/`: where alerts go; secrets are write-only. */
export function alertChannelRoutes(services: ApiServices, alerting: Alerting): AnyRouteSpec[] {
  const { storage } = services;
  const box = alerting.context.secretBox;
  const view = (channel: AlertChannel, access: OrganizationAccess, principal: Principal) => {
    const base = services.baseUrl();
    const canWrite = effectiveScopes(principal, access.organization.id).has('org:write');
    const urls =
      channel.kind === 'telegram' && canWrite
        ? {
            telegramWebhookUrl: `${base}/api/0/integrations/telegram/webhook/${telegramWebhookSecret(alerting.context, channel.id)}/`,
          }
        : channel.kind === 'slack'
          ? {
              slackInteractivityUrl: `${base}/api/0/integrations/slack/interactive/`,
              slackCommandsUrl: `${base}/api/0/integrations/slack/commands/`,
            }
          : {};
    return serializeAlertChannel(channel, access.organization.slug, urls);
  };
  const channelOf = async (
    principal: Principal,
    params: z.infer<typeof channelParams>,
    scope: 'org:read' | 'org:write',
  ) => {
    const access = await services.access.organization(principal, params.org, scope);
    const channel = await storage.alerts.getChannel(Number(params.channelId));
    if (channel === null || channel.organizationId !== access.organization.id) {
      throw new AppError('not_found', 'The requested alert channel does not exist.');
    }
    return { access, channel };
  };
  /** The config file is applied at every start: an API change to its channels would silently revert. */
  const editable = (channel: AlertChannel) => {
    if (channel.source === 'config') {
      throw new AppError('conflict', 'This channel is managed by the config file; change it there.');
    }
  };
  const audit = (
    principal: Principal,
    access: OrganizationAccess,
    action: string,
    before?: AlertChannel,
    after?: AlertChannel,
  ) =>
    services.audit.record(principal, {
      organizationId: access.organization.id,
      action,
      target: `alert_channel:${(after ?? before)?.id ?? 0}`,
      ...(before ? { before: auditChannelView(before) } : {}),
      ...(after ? { after: auditChannelView(after) } : {}),
    });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/alert-channels/',
      summary: 'Alert channels of an organization (secrets are never returned)',
      tags: ['alerts'],
      scope: 'org:read',
      params: orgParams,
      handler: async ({ principal, params }) => {
        const access = await services.access.organization(principal, params.org, 'org:read');
        const channels = await storage.alerts.listChannels({ organizationId: access.organization.id });
        return channels.map((c) => view(c, access, principal));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/alert-channels/',
      summary: 'Create an alert channel',
      tags: ['alerts'],
      scope: 'org:write',
      status: 201,
      params: orgParams,
      body: createChannelBody,
      handler: async ({ principal, params, body }) => {
        const access = await services.access.organization(principal, params.org, 'org:write');
        checkPrivileges(principal, access, body);
        const allowPrivateNetworks = body.allowPrivateNetworks ?? false;
        const channel = await storage.alerts.createChannel({
          organizationId: access.organization.id,
          kind: body.kind,
          name: body.name,
          config: await prepareChannelConfig(body.kind, body.config, box, allowPrivateNetworks),
          enabled: body.enabled ?? true,
          policy: { quietHours: body.quietHours ?? null, maxPerMinute: body.maxPerMinute ?? null },
          allowPrivateNetworks,
          systemAlerts: body.systemAlerts ?? false,
          source: 'api',
          at: services.clock.now(),
        });
        await audit(principal, access, 'alert_channel.create', undefined, channel);
        return view(channel, access, principal);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/alert-channels/:channelId/',
      summary: 'One alert channel',
      tags: ['alerts'],
      scope: 'org:read',
      params: channelParams,
      handler: async ({ principal, params }) => {
        const { access, channel } = await channelOf(principal, params, 'org:read');
        return view(channel, access, principal);
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/organizations/:org/alert-channels/:channelId/',
      summary: 'Update an alert channel (secrets left out are kept)',
      tags: ['alerts'],
      scope: 'org:write',
      params: channelParams,
      body: updateChannelBody,
      handler: async ({ principal, params, body }) => {
        const { access, channel } = await channelOf(principal, params, 'org:write');
        editable(channel);
        checkPrivileges(principal, access, body);
        const allowPrivateNetworks = body.allowPrivateNetworks ?? channel.allowPrivateNetworks;
        const config =
          body.config !== undefined || allowPrivateNetworks !== channel.allowPrivateNetworks
            ? await prepareChannelConfig(
                channel.kind,
                { ...channel.config, ...body.config },
                box,
                allowPrivateNetworks,
              )
            : undefined;
        const updated = await storage.alerts.updateChannel(channel.id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(config !== undefined ? { config } : {}),
          ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
          ...(body.systemAlerts !== undefined ? { systemAlerts: body.systemAlerts } : {}),
          allowPrivateNetworks,
          policy: {
            quietHours: body.quietHours === undefined ? channel.policy.quietHours : body.quietHours,
            maxPerMinute: body.maxPerMinute === undefined ? channel.policy.maxPerMinute : body.maxPerMinute,
          },
          at: services.clock.now(),
        });
        if (updated === null) throw new AppError('not_found', 'The requested alert channel does not exist.');
        await audit(principal, access, 'alert_channel.update', channel, updated);
        return view(updated, access, principal);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/organizations/:org/alert-channels/:channelId/',
      summary: 'Delete an alert channel',
      tags: ['alerts'],
      scope: 'org:write',
      params: channelParams,
      handler: async ({ principal, params }) => {
        const { access, channel } = await channelOf(principal, params, 'org:write');
        editable(channel);
        await storage.alerts.deleteChannel(channel.id);
        await audit(principal, access, 'alert_channel.delete', channel);
        return undefined;
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/alert-channels/:channelId/test/',
      summary: 'Send a test message through the channel now; returns the delivery',
      tags: ['alerts'],
      scope: 'org:write',
      params: channelParams,
      handler: async ({ principal, params }) => {
        const { access, channel } = await channelOf(principal, params, 'org:write');
        const delivery = await sendTestMessage(alerting.context, channel);
        await services.audit.record(principal, {
          organizationId: access.organization.id,
          action: 'alert_channel.test',
          target: `alert_channel:${channel.id}`,
          after: { status: delivery.status, error: delivery.error },
        });
        return serializeAlertDelivery(delivery);
      },
    }),
  ];
}
