import { TextField } from '../ui/text-field.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';
import type { RuleDraft } from './alert-rule-draft.ts';

const LEVELS = ['fatal', 'error', 'warning', 'info', 'debug'] as const;
const SEVERITIES = ['blocking', 'annoying', 'warning', 'info'] as const;
const ERROR_CLASSES = [
  'javascript',
  'network',
  'api',
  'database',
  'auth',
  'validation',
  'runtime',
  'crash',
  'unknown',
] as const;

/** Which events the rule applies to; every filter left empty matches everything. */
export function RuleFilterFields({
  draft,
  edit,
}: {
  draft: RuleDraft;
  edit: (c: Partial<RuleDraft>) => void;
}) {
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <TextField
          label="Environments"
          value={draft.environments}
          placeholder="production, staging"
          onChange={(e) => edit({ environments: e.target.value })}
        />
        <TextField
          label="Releases"
          value={draft.releases}
          placeholder="2.1.*"
          hint="Exact, or a prefix ending in *."
          onChange={(e) => edit({ releases: e.target.value })}
        />
        <TextField
          label="Tags"
          className="md:col-span-2"
          value={draft.tags}
          placeholder="component=checkout, region=eu"
          hint="Every listed tag must have that value."
          onChange={(e) => edit({ tags: e.target.value })}
        />
      </div>
      <CheckboxGroup
        legend="Levels"
        options={LEVELS}
        value={draft.levels as (typeof LEVELS)[number][]}
        onChange={(levels) => edit({ levels })}
      />
      <CheckboxGroup
        legend="Severities"
        options={SEVERITIES}
        value={draft.severities as (typeof SEVERITIES)[number][]}
        onChange={(severities) => edit({ severities })}
      />
      <CheckboxGroup
        legend="Error classes"
        options={ERROR_CLASSES}
        value={draft.errorClasses as (typeof ERROR_CLASSES)[number][]}
        onChange={(errorClasses) => edit({ errorClasses })}
      />
    </div>
  );
}
