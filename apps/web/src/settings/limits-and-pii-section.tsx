import { useEffect, useState } from 'react';
import type { ProjectSettingsJson } from '../api/types.ts';
import { useProjectDetails, useUpdateProject } from '../api/use-project-details.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { TextField } from '../ui/text-field.tsx';
import { ToggleSwitch } from '../ui/toggle-switch.tsx';
import { useToast } from '../ui/use-toast.ts';
import { ProjectPicker } from './project-picker.tsx';
import { SettingsRow } from './settings-row.tsx';
import { useSettingsProject } from './use-settings-project.ts';

/** Only what this section edits: the update is a patch, the repository and the rest stay as they are. */
type Limits = Pick<
  ProjectSettingsJson,
  'rateLimit' | 'scrubbing' | 'eventRetentionDays' | 'timelineRetentionDays'
>;

const DEFAULTS: Limits = {
  rateLimit: null,
  scrubbing: { enabled: true, extraFields: [], safeFields: [], scrubIpAddresses: false },
  eventRetentionDays: 90,
  timelineRetentionDays: 30,
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Ingest rate limit, server-side PII scrubbing rules and retention of one project. */
export function LimitsAndPiiSection({ org, canEdit }: { org: string; canEdit: boolean }) {
  const { projects, project, select } = useSettingsProject(org);
  const details = useProjectDetails(org, project?.slug ?? '');
  const update = useUpdateProject(org, project?.slug ?? '');
  const toast = useToast();
  const [draft, setDraft] = useState<Limits>(DEFAULTS);
  useEffect(() => {
    const settings = details.data?.settings ?? {};
    setDraft({
      rateLimit: settings.rateLimit ?? DEFAULTS.rateLimit,
      scrubbing: { ...DEFAULTS.scrubbing, ...settings.scrubbing },
      eventRetentionDays: settings.eventRetentionDays ?? DEFAULTS.eventRetentionDays,
      timelineRetentionDays: settings.timelineRetentionDays ?? DEFAULTS.timelineRetentionDays,
    });
  }, [details.data]);
  if (!project || details.isPending) return <Skeleton className="h-48 w-full" />;
  const scrub = draft.scrubbing;
  const setScrub = (patch: Partial<Limits['scrubbing']>) =>
    setDraft((d) => ({ ...d, scrubbing: { ...d.scrubbing, ...patch } }));
  return (
    <Card
      title="Rate limits and PII"
      actions={<ProjectPicker projects={projects} value={String(project.id)} onChange={select} />}
    >
      <fieldset disabled={!canEdit}>
        <SettingsRow
          title="Rate limit"
          description="Events accepted per window; beyond it SDKs get 429 and back off. Empty means unlimited."
        >
          <TextField
            label="Events per window"
            hideLabel
            type="number"
            min={1}
            className="w-28"
            placeholder="unlimited"
            value={draft.rateLimit?.count ?? ''}
            onChange={(e) =>
              setDraft((d) => ({
                ...d,
                rateLimit: e.target.value
                  ? { count: Number(e.target.value), windowSeconds: d.rateLimit?.windowSeconds ?? 60 }
                  : null,
              }))
            }
          />
          <span className="text-xs text-muted">per</span>
          <TextField
            label="Window in seconds"
            hideLabel
            type="number"
            min={1}
            className="w-20"
            value={draft.rateLimit?.windowSeconds ?? 60}
            disabled={!draft.rateLimit}
            onChange={(e) =>
              setDraft((d) => ({
                ...d,
                rateLimit: d.rateLimit ? { ...d.rateLimit, windowSeconds: Number(e.target.value) } : null,
              }))
            }
          />
          <span className="text-xs text-muted">s</span>
        </SettingsRow>
        <SettingsRow
          title="Scrub PII before storing"
          description="Passwords, tokens, card numbers and similar fields are replaced before anything is written."
        >
          <ToggleSwitch
            label="Scrub PII"
            checked={scrub.enabled}
            onChange={(enabled) => setScrub({ enabled })}
            disabled={!canEdit}
          />
        </SettingsRow>
        <SettingsRow title="Scrub IP addresses" description="Remove the client IP from users and requests.">
          <ToggleSwitch
            label="Scrub IP addresses"
            checked={scrub.scrubIpAddresses}
            onChange={(scrubIpAddresses) => setScrub({ scrubIpAddresses })}
            disabled={!canEdit}
          />
        </SettingsRow>
        <SettingsRow
          title="Extra sensitive fields"
          description="Comma-separated field names to scrub beside the built-in list."
        >
          <TextField
            label="Extra sensitive fields"
            hideLabel
            className="w-72"
            value={scrub.extraFields.join(', ')}
            onChange={(e) => setScrub({ extraFields: list(e.target.value) })}
          />
        </SettingsRow>
        <SettingsRow title="Safe fields" description="Comma-separated field names never scrubbed.">
          <TextField
            label="Safe fields"
            hideLabel
            className="w-72"
            value={scrub.safeFields.join(', ')}
            onChange={(e) => setScrub({ safeFields: list(e.target.value) })}
          />
        </SettingsRow>
        <SettingsRow title="Retention" description="Days to keep events and timelines.">
          <TextField
            label="Event retention days"
            hideLabel
            type="number"
            className="w-20"
            value={draft.eventRetentionDays}
            onChange={(e) => setDraft((d) => ({ ...d, eventRetentionDays: Number(e.target.value) }))}
          />
          <span className="text-xs text-muted">events,</span>
          <TextField
            label="Timeline retention days"
            hideLabel
            type="number"
            className="w-20"
            value={draft.timelineRetentionDays}
            onChange={(e) => setDraft((d) => ({ ...d, timelineRetentionDays: Number(e.target.value) }))}
          />
          <span className="text-xs text-muted">timelines</span>
        </SettingsRow>
        {canEdit && (
          <div className="flex justify-end pt-3">
            <Button
              variant="primary"
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { settings: draft },
                  {
                    onSuccess: () => toast('Settings saved', 'ok'),
                    onError: (e) => toast(e.message, 'danger'),
                  },
                )
              }
            >
              Save changes
            </Button>
          </div>
        )}
      </fieldset>
    </Card>
  );
}
