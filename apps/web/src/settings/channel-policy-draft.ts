import type { AlertChannel, AlertChannelInput } from '../api/use-alert-channels.ts';

/** Rate limit and quiet hours as typed (strings; empty means none). */
export interface ChannelPolicyDraft {
  maxPerMinute: string;
  quietStart: string;
  quietEnd: string;
  utcOffsetMinutes: string;
}

export function toPolicyDraft(channel: AlertChannel | null): ChannelPolicyDraft {
  const quiet = channel?.quietHours;
  return {
    maxPerMinute: channel?.maxPerMinute ? String(channel.maxPerMinute) : '',
    quietStart: quiet?.start ?? '',
    quietEnd: quiet?.end ?? '',
    utcOffsetMinutes: String(quiet?.utcOffsetMinutes ?? 0),
  };
}

/**
 * The policy fields of the body. Quiet hours need both ends; the severities a channel lets through them
 * are not edited here, so an existing list is kept.
 */
export function toPolicy(
  draft: ChannelPolicyDraft,
  channel: AlertChannel | null,
): Pick<AlertChannelInput, 'maxPerMinute' | 'quietHours'> {
  const maxPerMinute = draft.maxPerMinute.trim() === '' ? null : Number(draft.maxPerMinute);
  const start = draft.quietStart.trim();
  const end = draft.quietEnd.trim();
  const bypass = channel?.quietHours?.bypassSeverities;
  const quietHours =
    start && end
      ? {
          start,
          end,
          utcOffsetMinutes: Number(draft.utcOffsetMinutes) || 0,
          ...(bypass ? { bypassSeverities: bypass } : {}),
        }
      : null;
  if (channel) return { maxPerMinute, quietHours };
  return { ...(maxPerMinute !== null ? { maxPerMinute } : {}), ...(quietHours ? { quietHours } : {}) };
}
