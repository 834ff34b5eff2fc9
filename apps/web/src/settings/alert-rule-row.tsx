import { Pencil, Trash2 } from 'lucide-react';
import type { AlertChannel } from '../api/use-alert-channels.ts';
import type { AlertRule, AlertTrigger } from '../api/use-alert-rules.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { ToggleSwitch } from '../ui/toggle-switch.tsx';
import { CHANNEL_KIND_LABELS } from './alert-channel-fields.ts';
import { TRIGGER_LABELS } from './alert-rule-draft.ts';

function triggerText(trigger: AlertTrigger): string {
  if (trigger.type === 'spike')
    return `${trigger.minEvents}+ events in ${trigger.windowMinutes} min (×${trigger.ratio})`;
  if (trigger.type === 'pipeline') return `pipeline: ${trigger.events.join(', ')}`;
  if (trigger.type === 'schedule') return `${trigger.report.replace('_', ' ')} at ${trigger.cron}`;
  return TRIGGER_LABELS[trigger.type];
}

function filterText(filters: AlertRule['filters']): string {
  const parts = [
    ...(filters.environments ?? []),
    ...(filters.levels ?? []),
    ...(filters.severities ?? []),
    ...(filters.errorClasses ?? []),
    ...Object.entries(filters.tags ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(filters.releases ?? []).map((r) => `release ${r}`),
  ];
  return parts.length ? parts.join(', ') : 'all events';
}

/** One rule: what fires it, for which events, where it goes and how often; admins edit API rules. */
export function AlertRuleRow({
  rule,
  channels,
  canEdit,
  onEdit,
  onDelete,
  onToggle,
  toggling,
}: {
  rule: AlertRule;
  channels: AlertChannel[];
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onToggle: (enabled: boolean) => void;
  toggling: boolean;
}) {
  const writable = canEdit && rule.source !== 'config';
  const channelText = rule.channels
    .map((ref) =>
      'channelId' in ref
        ? (channels.find((c) => c.id === ref.channelId)?.name ?? `channel ${ref.channelId}`)
        : `every ${CHANNEL_KIND_LABELS[ref.channelKind]} channel`,
    )
    .join(', ');
  return (
    <li className="flex items-center gap-3 py-2.5">
      <span className="min-w-0 flex-1">
        <span className="flex items-center gap-2 text-[13px] font-medium">
          {rule.name}
          {rule.source === 'config' && <Badge title="Change it in fixloop.config.json">config file</Badge>}
          {rule.source === 'default' && <Badge>default</Badge>}
          {rule.project === null && <Badge>organization</Badge>}
          {rule.snoozedUntil && new Date(rule.snoozedUntil) > new Date() && (
            <Badge tone="caution" title={new Date(rule.snoozedUntil).toLocaleString()}>
              snoozed
            </Badge>
          )}
        </span>
        <span className="block text-xs text-subtle">
          When {rule.triggers.map(triggerText).join(' or ')} · for {filterText(rule.filters)} → {channelText}{' '}
          · throttle {rule.throttle.windowMinutes} min
        </span>
      </span>
      {writable && (
        <>
          <Button
            size="sm"
            variant="ghost"
            icon={<Pencil size={13} />}
            aria-label={`Edit rule ${rule.name}`}
            onClick={onEdit}
          >
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<Trash2 size={13} />}
            aria-label={`Delete rule ${rule.name}`}
            onClick={onDelete}
          />
        </>
      )}
      <ToggleSwitch
        label={`Rule ${rule.name} enabled`}
        checked={rule.enabled}
        disabled={!writable || toggling}
        onChange={onToggle}
      />
    </li>
  );
}
