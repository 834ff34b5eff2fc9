import { CHANNEL_KINDS } from '../api/use-alert-channels.ts';
import type { AlertChannel } from '../api/use-alert-channels.ts';
import { CheckboxGroup } from './checkbox-group.tsx';
import { CHANNEL_KIND_LABELS } from './alert-channel-fields.ts';
import type { RuleDraft } from './alert-rule-draft.ts';

/** Channels by name, or every enabled channel of a kind (which also covers channels added later). */
export function RuleChannelPicker({
  channels,
  draft,
  edit,
}: {
  channels: AlertChannel[];
  draft: RuleDraft;
  edit: (c: Partial<RuleDraft>) => void;
}) {
  const names = Object.fromEntries(channels.map((c) => [c.id, `${c.name} (${CHANNEL_KIND_LABELS[c.kind]})`]));
  // A rule may name a channel that was deleted since: keep it visible so it can be unticked.
  const ids = [...new Set([...channels.map((c) => c.id), ...draft.channelIds])];
  return (
    <div className="flex flex-col gap-3">
      {ids.length > 0 && (
        <CheckboxGroup
          legend="Channels"
          options={ids}
          labels={Object.fromEntries(ids.map((id) => [id, names[id] ?? `channel ${id} (deleted)`]))}
          value={draft.channelIds}
          onChange={(channelIds) => edit({ channelIds })}
        />
      )}
      <CheckboxGroup
        legend="Every channel of a kind"
        options={CHANNEL_KINDS}
        labels={CHANNEL_KIND_LABELS}
        value={draft.channelKinds}
        onChange={(channelKinds) => edit({ channelKinds })}
      />
    </div>
  );
}
