import { PIPELINE_EVENTS, SCHEDULED_REPORTS } from '../api/use-alert-rules.ts';
import { Checkbox } from '../ui/checkbox.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';
import { SIMPLE_TRIGGERS, TRIGGER_LABELS } from './alert-rule-draft.ts';
import type { RuleDraft } from './alert-rule-draft.ts';

type Edit = (change: Partial<RuleDraft>) => void;

/** What fires the rule: plain events, plus spike, pipeline and schedule with their parameters. */
export function RuleTriggerFields({ draft, edit }: { draft: RuleDraft; edit: Edit }) {
  const { spike, pipeline, schedule } = draft;
  return (
    <div className="flex flex-col gap-3">
      <CheckboxGroup
        legend="Triggers"
        options={SIMPLE_TRIGGERS}
        labels={TRIGGER_LABELS}
        value={draft.simple}
        onChange={(simple) => edit({ simple })}
      />
      <label className="flex items-center gap-2 text-[13px]">
        <Checkbox checked={spike.on} onChange={(e) => edit({ spike: { ...spike, on: e.target.checked } })} />
        Error spike
      </label>
      {spike.on && (
        <div className="grid grid-cols-3 gap-2 pl-5">
          <TextField
            label="Window (minutes)"
            type="number"
            min={1}
            value={spike.windowMinutes}
            onChange={(e) => edit({ spike: { ...spike, windowMinutes: e.target.value } })}
          />
          <TextField
            label="At least events"
            type="number"
            min={1}
            value={spike.minEvents}
            onChange={(e) => edit({ spike: { ...spike, minEvents: e.target.value } })}
          />
          <TextField
            label="Times the usual rate"
            type="number"
            min={1}
            step="0.5"
            value={spike.ratio}
            onChange={(e) => edit({ spike: { ...spike, ratio: e.target.value } })}
          />
        </div>
      )}
      <label className="flex items-center gap-2 text-[13px]">
        <Checkbox
          checked={pipeline.on}
          onChange={(e) => edit({ pipeline: { ...pipeline, on: e.target.checked } })}
        />
        Pipeline step
      </label>
      {pipeline.on && (
        <div className="pl-5">
          <CheckboxGroup
            legend="Pipeline steps"
            options={PIPELINE_EVENTS}
            value={pipeline.events as (typeof PIPELINE_EVENTS)[number][]}
            onChange={(events) => edit({ pipeline: { ...pipeline, events } })}
          />
        </div>
      )}
      <label className="flex items-center gap-2 text-[13px]">
        <Checkbox
          checked={schedule.on}
          onChange={(e) => edit({ schedule: { ...schedule, on: e.target.checked } })}
        />
        Scheduled report
      </label>
      {schedule.on && (
        <div className="grid grid-cols-2 gap-2 pl-5">
          <TextField
            label="Cron (UTC)"
            value={schedule.cron}
            onChange={(e) => edit({ schedule: { ...schedule, cron: e.target.value } })}
          />
          <SelectField
            label="Report"
            value={schedule.report}
            onChange={(e) => edit({ schedule: { ...schedule, report: e.target.value } })}
            options={SCHEDULED_REPORTS.map((r) => ({ value: r, label: r.replace('_', ' ') }))}
          />
        </div>
      )}
    </div>
  );
}
