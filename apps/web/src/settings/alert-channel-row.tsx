import { Pencil, Send, Trash2, Webhook } from 'lucide-react';
import { useRegisterTelegramWebhook, useTestAlertChannel } from '../api/use-alert-channels.ts';
import type { AlertChannel } from '../api/use-alert-channels.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { ToggleSwitch } from '../ui/toggle-switch.tsx';
import { useToast } from '../ui/use-toast.ts';
import { CHANNEL_KIND_LABELS } from './alert-channel-fields.ts';

/** One channel: what it is, where it comes from, on/off, and (for admins) test, edit and delete. */
export function AlertChannelRow({
  org,
  channel,
  canEdit,
  onEdit,
  onDelete,
  onToggle,
  toggling,
}: {
  org: string;
  channel: AlertChannel;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onToggle: (enabled: boolean) => void;
  toggling: boolean;
}) {
  const test = useTestAlertChannel(org);
  const register = useRegisterTelegramWebhook(org);
  const toast = useToast();
  const fromConfig = channel.source === 'config';
  const writable = canEdit && !fromConfig;
  const result = test.data;
  return (
    <li className="flex flex-col gap-1.5 py-2.5">
      <div className="flex items-center gap-3">
        <Badge>{CHANNEL_KIND_LABELS[channel.kind] ?? channel.kind}</Badge>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-[13px] font-medium">{channel.name}</span>
          <span className="block text-xs text-subtle">
            {fromConfig ? 'from the config file (read-only)' : 'added in Fixloop'}
            {channel.secretFields.length > 0 ? ` · secrets set: ${channel.secretFields.join(', ')}` : ''}
            {channel.maxPerMinute ? ` · at most ${channel.maxPerMinute}/min` : ''}
          </span>
        </span>
        {canEdit && channel.kind === 'telegram' && (
          <Button
            size="sm"
            variant="ghost"
            icon={<Webhook size={13} />}
            loading={register.isPending}
            aria-label={`Register the bot webhook of ${channel.name}`}
            title="Have Telegram send bot commands to Fixloop (needs a public HTTPS FIXLOOP_BASE_URL)"
            onClick={() =>
              register.mutate(channel.id, {
                onSuccess: () => toast('Telegram webhook registered', 'ok'),
                onError: (e) => toast(e.message, 'danger'),
              })
            }
          >
            Bot webhook
          </Button>
        )}
        {canEdit && (
          <Button
            size="sm"
            icon={<Send size={13} />}
            loading={test.isPending}
            aria-label={`Send test message to ${channel.name}`}
            onClick={() => test.mutate(channel.id)}
          >
            Send test message
          </Button>
        )}
        {writable && (
          <>
            <Button
              size="sm"
              variant="ghost"
              icon={<Pencil size={13} />}
              aria-label={`Edit ${channel.name}`}
              onClick={onEdit}
            >
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon={<Trash2 size={13} />}
              aria-label={`Delete ${channel.name}`}
              onClick={onDelete}
            />
          </>
        )}
        <ToggleSwitch
          label={`${channel.name} enabled`}
          checked={channel.enabled}
          disabled={!writable || toggling}
          onChange={onToggle}
        />
      </div>
      {(result || test.error) && (
        <p role="status" className={result?.status === 'sent' ? 'text-xs text-ok' : 'text-xs text-danger'}>
          {test.error
            ? `Test message failed: ${test.error.message}`
            : result?.status === 'sent'
              ? `Test message sent${result.providerMessageId ? ` (message id ${result.providerMessageId})` : ''}.`
              : `Test message ${result?.status ?? 'failed'}${result?.error ? `: ${result.error}` : ''}.`}
        </p>
      )}
    </li>
  );
}
