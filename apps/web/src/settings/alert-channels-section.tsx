import { useState } from 'react';
import { BellRing } from 'lucide-react';
import {
  useAlertChannels,
  useCreateAlertChannel,
  useDeleteAlertChannel,
  useUpdateAlertChannel,
} from '../api/use-alert-channels.ts';
import type { AlertChannel, AlertChannelInput } from '../api/use-alert-channels.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useToast } from '../ui/use-toast.ts';
import { AlertChannelDialog } from './alert-channel-dialog.tsx';
import { AlertChannelRow } from './alert-channel-row.tsx';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';

const KINDS = 'Slack, Telegram, email, Discord, webhooks and PagerDuty';

/** The organization's alert channels; channels from the config file are read-only here. */
export function AlertChannelsSection({
  org,
  canEdit,
  canAllowPrivate = false,
}: {
  org: string;
  canEdit: boolean;
  canAllowPrivate?: boolean;
}) {
  const channels = useAlertChannels(org);
  const create = useCreateAlertChannel(org);
  const update = useUpdateAlertChannel(org);
  const toggle = useUpdateAlertChannel(org);
  const remove = useDeleteAlertChannel(org);
  const toast = useToast();
  // undefined: closed; null: creating; a channel: editing it.
  const [editing, setEditing] = useState<AlertChannel | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<AlertChannel | null>(null);
  const saving = editing ? update : create;
  const close = () => {
    create.reset();
    update.reset();
    setEditing(undefined);
  };
  const save = (body: AlertChannelInput) => {
    const done = { onSuccess: () => (toast('Channel saved', 'ok'), close()) };
    if (editing) update.mutate({ id: editing.id, body }, done);
    else create.mutate(body, done);
  };
  return (
    <Card
      title="Alert channels"
      actions={
        canEdit &&
        channels.data !== null && (
          <Button size="sm" variant="primary" onClick={() => setEditing(null)}>
            New channel
          </Button>
        )
      }
    >
      {channels.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data === null || channels.data.length === 0 ? (
        <EmptyState icon={<BellRing size={18} />} title="No alert channels">
          Channels ({KINDS}) are where alerts go. Add one here or in fixloop.config.json; see
          docs/alerting.md.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line">
          {channels.data.map((channel) => (
            <AlertChannelRow
              key={channel.id}
              org={org}
              channel={channel}
              canEdit={canEdit}
              onEdit={() => setEditing(channel)}
              onDelete={() => setDeleting(channel)}
              onToggle={(enabled) =>
                toggle.mutate(
                  { id: channel.id, body: { enabled } },
                  { onError: (e) => toast(e.message, 'danger') },
                )
              }
              toggling={toggle.isPending}
            />
          ))}
        </ul>
      )}
      <AlertChannelDialog
        open={editing !== undefined}
        channel={editing ?? null}
        canAllowPrivate={canAllowPrivate}
        onClose={close}
        onSave={save}
        saving={saving.isPending}
        error={saving.error}
      />
      <ConfirmDeleteDialog
        what={`channel ${deleting?.name ?? ''}`}
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        deleting={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => (toast('Channel deleted', 'ok'), setDeleting(null)),
            onError: (e) => toast(e.message, 'danger'),
          })
        }
      />
    </Card>
  );
}
