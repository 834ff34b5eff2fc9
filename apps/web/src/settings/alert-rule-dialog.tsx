import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { AlertChannel } from '../api/use-alert-channels.ts';
import type { AlertRule, AlertRuleInput } from '../api/use-alert-rules.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { TextField } from '../ui/text-field.tsx';
import { ruleDraftProblem, toRuleBody, toRuleDraft } from './alert-rule-draft.ts';
import type { RuleDraft } from './alert-rule-draft.ts';
import { RuleChannelPicker } from './rule-channel-picker.tsx';
import { RuleFilterFields } from './rule-filter-fields.tsx';
import { RuleTriggerFields } from './rule-trigger-fields.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="flex flex-col gap-2 border-t border-line pt-3 first:border-t-0 first:pt-0"
    >
      <h3 className="text-xs font-semibold tracking-wide text-subtle uppercase">{title}</h3>
      {children}
    </section>
  );
}

/** Creates or edits a rule: triggers, filters, channels and throttling. */
export function AlertRuleDialog({
  open,
  rule,
  channels,
  onClose,
  onSave,
  saving,
  error,
}: {
  open: boolean;
  rule: AlertRule | null;
  channels: AlertChannel[];
  onClose: () => void;
  onSave: (body: AlertRuleInput) => void;
  saving: boolean;
  error: Error | null;
}) {
  const [draft, setDraft] = useState<RuleDraft>(() => toRuleDraft());
  useEffect(() => {
    if (open) setDraft(toRuleDraft(rule ?? undefined));
  }, [open, rule]);
  const edit = (change: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...change }));
  const problem = ruleDraftProblem(draft);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={rule ? `Edit rule ${rule.name}` : 'New alert rule'}
      footer={
        <>
          {problem && <span className="mr-auto self-center text-xs text-subtle">{problem}</span>}
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            loading={saving}
            disabled={problem !== null}
            onClick={() => onSave(toRuleBody(draft))}
          >
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
        </>
      }
    >
      <div className="flex max-h-[60vh] flex-col gap-4 overflow-y-auto pr-1">
        <TextField label="Rule name" value={draft.name} onChange={(e) => edit({ name: e.target.value })} />
        <Section title="When">
          <RuleTriggerFields draft={draft} edit={edit} />
        </Section>
        <Section title="Only for">
          <RuleFilterFields draft={draft} edit={edit} />
        </Section>
        <Section title="Send to">
          <RuleChannelPicker channels={channels} draft={draft} edit={edit} />
        </Section>
        <Section title="Throttling">
          <div className="grid grid-cols-2 gap-3">
            <TextField
              label="Throttle (minutes)"
              type="number"
              min={1}
              max={1440}
              value={draft.throttleMinutes}
              hint="At most one alert per issue in this window."
              onChange={(e) => edit({ throttleMinutes: e.target.value })}
            />
            <TextField
              label="Digest after alerts"
              type="number"
              min={1}
              value={draft.digestThreshold}
              hint="Further alerts in the window become one digest."
              onChange={(e) => edit({ digestThreshold: e.target.value })}
            />
          </div>
        </Section>
        {error && (
          <p role="alert" className="text-[13px] text-danger">
            {error.message}
          </p>
        )}
      </div>
    </Dialog>
  );
}
