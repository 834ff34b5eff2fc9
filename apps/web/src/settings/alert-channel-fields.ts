import type { AlertChannel, ChannelKind } from '../api/use-alert-channels.ts';

/** How a config key is edited: secrets are write-only, lists are comma-separated. */
export type ChannelFieldType = 'text' | 'secret' | 'number' | 'list' | 'boolean' | 'format';

export interface ChannelField {
  key: string;
  label: string;
  type: ChannelFieldType;
  required?: boolean;
  placeholder?: string;
  hint?: string;
}

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  slack: 'Slack',
  telegram: 'Telegram',
  email: 'Email',
  discord: 'Discord',
  webhook: 'Webhook',
  pagerduty: 'PagerDuty',
};

/** The keys of each kind's configuration (docs/alerting.md#channels) the dashboard edits. */
export const CHANNEL_FIELDS: Record<ChannelKind, ChannelField[]> = {
  slack: [
    {
      key: 'webhookUrl',
      label: 'Incoming webhook URL',
      type: 'secret',
      placeholder: 'https://hooks.slack.com/services/…',
      hint: 'Simplest; no threads. Or use a bot token below.',
    },
    { key: 'botToken', label: 'Bot token', type: 'secret', placeholder: 'xoxb-…', hint: 'Enables threads.' },
    {
      key: 'channel',
      label: 'Channel id',
      type: 'text',
      placeholder: 'C0123456',
      hint: 'Needed with a bot.',
    },
    { key: 'signingSecret', label: 'Signing secret', type: 'secret', hint: 'Verifies Know More clicks.' },
    { key: 'allowedChannelIds', label: 'Channels allowed to use /fixloop', type: 'list' },
  ],
  telegram: [
    { key: 'botToken', label: 'Bot token', type: 'secret', required: true, placeholder: '123456:ABC…' },
    { key: 'chatId', label: 'Chat id', type: 'text', required: true, placeholder: '-1001234567' },
    { key: 'allowedChatIds', label: 'Chats allowed to use commands', type: 'list' },
    { key: 'botUsername', label: 'Bot username', type: 'text' },
  ],
  email: [
    { key: 'host', label: 'SMTP host', type: 'text', required: true, placeholder: 'smtp.example.com' },
    { key: 'port', label: 'Port', type: 'number', placeholder: '587' },
    { key: 'secure', label: 'Implicit TLS (port 465)', type: 'boolean' },
    { key: 'requireTls', label: 'Require STARTTLS', type: 'boolean' },
    { key: 'user', label: 'SMTP user', type: 'text' },
    { key: 'password', label: 'SMTP password', type: 'secret' },
    { key: 'from', label: 'From', type: 'text', required: true, placeholder: 'Fixloop <alerts@example.com>' },
    { key: 'to', label: 'Recipients', type: 'list', required: true, placeholder: 'ops@example.com' },
  ],
  discord: [
    { key: 'webhookUrl', label: 'Webhook URL', type: 'secret', required: true },
    { key: 'username', label: 'Display name', type: 'text' },
  ],
  webhook: [
    {
      key: 'url',
      label: 'URL',
      type: 'text',
      required: true,
      placeholder: 'https://example.com/hooks/fixloop',
    },
    { key: 'secret', label: 'Signing secret', type: 'secret', hint: 'Signs bodies (Sentry-Hook-Signature).' },
    { key: 'format', label: 'Payload format', type: 'format' },
  ],
  pagerduty: [
    { key: 'routingKey', label: 'Routing key', type: 'secret', required: true, hint: '32 characters.' },
  ],
};

export type ChannelDraftValues = Record<string, string | boolean>;

/** The form's values for a stored channel (secrets start empty: they are never sent back). */
export function toChannelDraft(kind: ChannelKind, config: Record<string, unknown> = {}): ChannelDraftValues {
  const values: ChannelDraftValues = {};
  for (const field of CHANNEL_FIELDS[kind]) {
    const value = config[field.key];
    if (field.type === 'boolean') values[field.key] = value === true;
    else if (field.type === 'secret') values[field.key] = '';
    else if (Array.isArray(value)) values[field.key] = value.join(', ');
    else values[field.key] = value === undefined || value === null ? '' : String(value);
  }
  if (kind === 'webhook' && !values['format']) values['format'] = 'sentry';
  return values;
}

/**
 * The `config` to send. On create, empty fields are left out. On edit, an empty secret is left out (the
 * server keeps it) and a cleared plain field is sent as null (the server removes it).
 */
export function toChannelConfig(
  kind: ChannelKind,
  values: ChannelDraftValues,
  existing?: AlertChannel,
): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of CHANNEL_FIELDS[kind]) {
    const raw = values[field.key];
    if (field.type === 'boolean') {
      config[field.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (existing && field.type !== 'secret' && existing.config[field.key] !== undefined) {
        config[field.key] = null;
      }
      continue;
    }
    if (field.type === 'number') config[field.key] = Number(text);
    else if (field.type === 'list') config[field.key] = text.split(/[\s,]+/).filter(Boolean);
    else config[field.key] = text;
  }
  return config;
}
