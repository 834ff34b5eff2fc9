import { BellRing, Send } from 'lucide-react';
import {
  useAlertChannels,
  useSetAlertChannelEnabled,
  useTestAlertChannel,
} from '../api/use-alert-channels.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ToggleSwitch } from '../ui/toggle-switch.tsx';
import { useToast } from '../ui/use-toast.ts';

const KINDS = 'Slack, Telegram, email, Discord, webhooks and PagerDuty';

/** The organization's alert channels: on/off and a test message; new channels come from config or the API. */
export function AlertChannelsSection({ org, canEdit }: { org: string; canEdit: boolean }) {
  const channels = useAlertChannels(org);
  const setEnabled = useSetAlertChannelEnabled(org);
  const test = useTestAlertChannel(org);
  const toast = useToast();
  return (
    <Card title="Alert channels">
      {channels.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data === null || channels.data.length === 0 ? (
        <EmptyState icon={<BellRing size={18} />} title="No alert channels">
          Channels ({KINDS}) are added in fixloop.config.json or through the alert-channels API; see
          docs/alerting.md.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line">
          {channels.data.map((channel) => (
            <li key={channel.id} className="flex items-center gap-3 py-2.5">
              <Badge>{channel.kind}</Badge>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-[13px] font-medium">{channel.name}</span>
                <span className="block text-xs text-subtle">
                  {channel.source === 'config' ? 'from the config file' : 'added through the API'}
                  {channel.maxPerMinute ? ` · at most ${channel.maxPerMinute}/min` : ''}
                </span>
              </span>
              {canEdit && (
                <Button
                  size="sm"
                  icon={<Send size={13} />}
                  loading={test.isPending && test.variables === channel.id}
                  onClick={() =>
                    test.mutate(channel.id, {
                      onSuccess: () => toast(`Test alert sent to ${channel.name}`, 'ok'),
                      onError: (e) => toast(e.message, 'danger'),
                    })
                  }
                >
                  Send test
                </Button>
              )}
              <ToggleSwitch
                label={`${channel.name} enabled`}
                checked={channel.enabled}
                disabled={!canEdit || setEnabled.isPending}
                onChange={(enabled) =>
                  setEnabled.mutate(
                    { id: channel.id, enabled },
                    { onError: (e) => toast(e.message, 'danger') },
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
