import type { ChannelKind } from '../api/use-alert-channels.ts';
import { Checkbox } from '../ui/checkbox.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { CHANNEL_FIELDS } from './alert-channel-fields.ts';
import type { ChannelDraftValues } from './alert-channel-fields.ts';

/** The kind's configuration inputs. Secret inputs are always empty: a stored secret is only marked as set. */
export function ChannelConfigFields({
  kind,
  values,
  setSecrets,
  errors,
  onChange,
}: {
  kind: ChannelKind;
  values: ChannelDraftValues;
  setSecrets: string[];
  errors: Record<string, string>;
  onChange: (key: string, value: string | boolean) => void;
}) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {CHANNEL_FIELDS[kind].map((field) => {
        const value = values[field.key];
        if (field.type === 'boolean') {
          return (
            <label key={field.key} className="flex items-center gap-2 self-end pb-1.5 text-[13px]">
              <Checkbox checked={value === true} onChange={(e) => onChange(field.key, e.target.checked)} />
              {field.label}
            </label>
          );
        }
        if (field.type === 'format') {
          return (
            <SelectField
              key={field.key}
              label={field.label}
              value={typeof value === 'string' ? value : 'sentry'}
              onChange={(e) => onChange(field.key, e.target.value)}
              options={[
                { value: 'sentry', label: 'Sentry (issue / event_alert)' },
                { value: 'slack', label: 'Slack-compatible' },
              ]}
            />
          );
        }
        const isSet = field.type === 'secret' && setSecrets.includes(field.key);
        return (
          <TextField
            key={field.key}
            label={`${field.label}${field.required && !isSet ? ' (required)' : ''}`}
            type={field.type === 'secret' ? 'password' : field.type === 'number' ? 'number' : 'text'}
            autoComplete={field.type === 'secret' ? 'new-password' : 'off'}
            value={typeof value === 'string' ? value : ''}
            placeholder={isSet ? '•••••••• (set; leave empty to keep)' : field.placeholder}
            hint={field.type === 'list' ? (field.hint ?? 'Comma-separated.') : field.hint}
            error={errors[field.key]}
            onChange={(e) => onChange(field.key, e.target.value)}
          />
        );
      })}
    </div>
  );
}
