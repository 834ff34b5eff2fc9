import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error.ts';
import { CHANNEL_KINDS } from '../api/use-alert-channels.ts';
import type { AlertChannel, AlertChannelInput, ChannelKind } from '../api/use-alert-channels.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { ChannelConfigFields } from './channel-config-fields.tsx';
import { toPolicy, toPolicyDraft } from './channel-policy-draft.ts';
import type { ChannelPolicyDraft } from './channel-policy-draft.ts';
import { ChannelPolicyFields } from './channel-policy-fields.tsx';
import { CHANNEL_KIND_LABELS, toChannelConfig, toChannelDraft } from './alert-channel-fields.ts';
import type { ChannelDraftValues } from './alert-channel-fields.ts';

/** `{errors: {"config.webhookUrl": ["…"]}}` of a 400, keyed by the form's field. */
function fieldErrors(error: Error | null): Record<string, string> {
  if (!isApiError(error) || !error.body || typeof error.body !== 'object') return {};
  const errors = (error.body as { errors?: Record<string, string[]> }).errors ?? {};
  return Object.fromEntries(
    Object.entries(errors).map(([key, messages]) => [key.replace(/^config\./, ''), messages.join(' ')]),
  );
}

/** Creates a channel, or edits one added through the API (the kind is fixed once created). */
export function AlertChannelDialog({
  open,
  channel,
  canAllowPrivate,
  onClose,
  onSave,
  saving,
  error,
}: {
  open: boolean;
  channel: AlertChannel | null;
  /** Owners may let the channel reach private addresses (a chat server or SMTP relay on the LAN). */
  canAllowPrivate: boolean;
  onClose: () => void;
  onSave: (body: AlertChannelInput) => void;
  saving: boolean;
  error: Error | null;
}) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ChannelKind>('slack');
  const [values, setValues] = useState<ChannelDraftValues>(() => toChannelDraft('slack'));
  const [policy, setPolicy] = useState<ChannelPolicyDraft>(() => toPolicyDraft(null));
  const [allowPrivate, setAllowPrivate] = useState(false);
  useEffect(() => {
    if (!open) return;
    const initialKind = channel?.kind ?? 'slack';
    setName(channel?.name ?? '');
    setKind(initialKind);
    setValues(toChannelDraft(initialKind, channel?.config));
    setPolicy(toPolicyDraft(channel));
    setAllowPrivate(channel?.allowPrivateNetworks === true);
  }, [open, channel]);
  const errors = fieldErrors(error);
  const save = () => {
    const config = toChannelConfig(kind, values, channel ?? undefined);
    // Only owners send it: the server refuses `true` from anyone else, and leaving it out keeps it.
    const privacy = canAllowPrivate ? { allowPrivateNetworks: allowPrivate } : {};
    const common = { name, config, ...toPolicy(policy, channel), ...privacy };
    onSave(channel ? common : { kind, ...common });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={channel ? `Edit ${channel.name}` : 'New alert channel'}
      description="Secrets are stored encrypted and never shown again."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={saving} disabled={!name.trim()} onClick={save}>
            {channel ? 'Save channel' : 'Create channel'}
          </Button>
        </>
      }
    >
      <form
        className="flex max-h-[60vh] flex-col gap-3 overflow-y-auto"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="grid gap-3 md:grid-cols-2">
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors['name']}
          />
          <SelectField
            label="Kind"
            value={kind}
            disabled={channel !== null}
            onChange={(e) => {
              const next = e.target.value as ChannelKind;
              setKind(next);
              setValues(toChannelDraft(next));
            }}
            options={CHANNEL_KINDS.map((k) => ({ value: k, label: CHANNEL_KIND_LABELS[k] }))}
          />
        </div>
        <ChannelConfigFields
          kind={kind}
          values={values}
          setSecrets={channel?.secretFields ?? []}
          errors={errors}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        />
        <ChannelPolicyFields
          draft={policy}
          errors={errors}
          onChange={(change) => setPolicy((p) => ({ ...p, ...change }))}
        />
        {canAllowPrivate && (
          <label className="flex items-center gap-2 text-[13px]">
            <Checkbox checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} />
            Allow private network addresses (e.g. a chat server or SMTP relay on this network)
          </label>
        )}
        {channel?.slackInteractivityUrl && (
          <p className="text-xs text-subtle">
            For the Know More button, set the Slack app's interactivity request URL to{' '}
            <code className="font-mono">{channel.slackInteractivityUrl}</code>
            {channel.slackCommandsUrl && (
              <>
                {' '}
                and the /fixloop command URL to <code className="font-mono">{channel.slackCommandsUrl}</code>
              </>
            )}
            .
          </p>
        )}
        {error && (
          <p role="alert" className="text-[13px] text-danger">
            {error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
