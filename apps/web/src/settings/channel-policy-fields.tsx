import { TextField } from '../ui/text-field.tsx';
import type { ChannelPolicyDraft } from './channel-policy-draft.ts';

/** How much a channel may receive: a per-minute limit and quiet hours (both turn the overflow into a digest). */
export function ChannelPolicyFields({
  draft,
  onChange,
  errors,
}: {
  draft: ChannelPolicyDraft;
  onChange: (change: Partial<ChannelPolicyDraft>) => void;
  errors: Record<string, string>;
}) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <TextField
        label="At most messages per minute"
        type="number"
        min={1}
        value={draft.maxPerMinute}
        onChange={(e) => onChange({ maxPerMinute: e.target.value })}
        hint="Optional; the overflow goes into a digest."
        error={errors['maxPerMinute']}
      />
      <TextField
        label="UTC offset of quiet hours (minutes)"
        type="number"
        min={-720}
        max={840}
        value={draft.utcOffsetMinutes}
        onChange={(e) => onChange({ utcOffsetMinutes: e.target.value })}
        hint="120 for UTC+2; 0 for UTC."
      />
      <TextField
        label="Quiet hours from"
        placeholder="22:00"
        value={draft.quietStart}
        onChange={(e) => onChange({ quietStart: e.target.value })}
        error={errors['quietHours.start'] ?? errors['quietHours']}
      />
      <TextField
        label="Quiet hours until"
        placeholder="07:00"
        value={draft.quietEnd}
        onChange={(e) => onChange({ quietEnd: e.target.value })}
        hint="Alerts in between arrive as a digest afterwards."
        error={errors['quietHours.end']}
      />
    </div>
  );
}
