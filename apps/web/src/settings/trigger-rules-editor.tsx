import type { TriggerAction, TriggerRuleJson } from '../api/types.ts';
import { SeverityBadge } from '../issues/severity-badge.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';

const ACTIONS: { value: TriggerAction; label: string }[] = [
  { value: 'attempt_fix', label: 'Attempt a fix' },
  { value: 'investigate', label: 'Investigate only' },
  { value: 'record', label: 'Just record' },
];

/** Per severity: what happens to its issues, and after how many events in which window a fix is tried. */
export function TriggerRulesEditor({
  rules,
  onChange,
  disabled,
}: {
  rules: TriggerRuleJson[];
  onChange: (rules: TriggerRuleJson[]) => void;
  disabled: boolean;
}) {
  const update = (index: number, patch: Partial<TriggerRuleJson>) =>
    onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const number = (value: string) => (value === '' ? undefined : Math.max(1, Number(value)));
  return (
    <table className="w-full text-[13px]" aria-label="Autofix thresholds">
      <thead>
        <tr className="text-left text-xs text-subtle">
          <th scope="col" className="pb-1.5 font-medium">
            Severity
          </th>
          <th scope="col" className="pb-1.5 font-medium">
            Action
          </th>
          <th scope="col" className="pb-1.5 font-medium">
            Min. events
          </th>
          <th scope="col" className="pb-1.5 font-medium">
            Within (minutes)
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, index) => (
          <tr key={rule.severity} className="border-t border-line">
            <td className="py-2">
              <SeverityBadge severity={rule.severity} />
            </td>
            <td className="py-2 pr-2">
              <SelectField
                label={`Action for ${rule.severity} issues`}
                hideLabel
                disabled={disabled}
                value={rule.action}
                onChange={(e) => update(index, { action: e.target.value as TriggerAction })}
                options={ACTIONS}
              />
            </td>
            <td className="py-2 pr-2">
              <TextField
                label={`Minimum events for ${rule.severity} issues`}
                hideLabel
                type="number"
                min={1}
                className="w-24"
                disabled={disabled || rule.action !== 'attempt_fix'}
                value={rule.minEvents ?? ''}
                placeholder="1"
                onChange={(e) => update(index, { minEvents: number(e.target.value) })}
              />
            </td>
            <td className="py-2">
              <TextField
                label={`Window in minutes for ${rule.severity} issues`}
                hideLabel
                type="number"
                min={1}
                className="w-24"
                disabled={disabled || rule.action !== 'attempt_fix'}
                value={rule.windowMinutes ?? ''}
                placeholder="ever"
                onChange={(e) => update(index, { windowMinutes: number(e.target.value) })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
