import { useEffect, useState } from 'react';
import { useProjectDetails, useUpdateProject } from '../api/use-project-details.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { TextField } from '../ui/text-field.tsx';
import { ToggleSwitch } from '../ui/toggle-switch.tsx';
import { useToast } from '../ui/use-toast.ts';
import { ProjectPicker } from './project-picker.tsx';
import { projectUpdate, toProjectDraft } from './project-settings-draft.ts';
import type { ProjectDraft } from './project-settings-draft.ts';
import { SettingsRow } from './settings-row.tsx';
import { TriggerRulesEditor } from './trigger-rules-editor.tsx';
import { useSettingsProject } from './use-settings-project.ts';

/** Name, repository, automatic investigations, autofix on/off and its thresholds. */
export function ProjectSettingsSection({ org, canEdit }: { org: string; canEdit: boolean }) {
  const { projects, project, select } = useSettingsProject(org);
  const details = useProjectDetails(org, project?.slug ?? '');
  const update = useUpdateProject(org, project?.slug ?? '');
  const toast = useToast();
  const [draft, setDraft] = useState<ProjectDraft | null>(null);
  useEffect(() => setDraft(details.data ? toProjectDraft(details.data) : null), [details.data]);
  if (!project) return <Skeleton className="h-40 w-full" />;
  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const autofixSupported = details.data?.settings?.autofix !== undefined;
  const save = () => {
    if (!draft || !details.data) return;
    const body = projectUpdate(details.data, draft);
    if (Object.keys(body).length === 0) return toast('Nothing to save');
    update.mutate(body, {
      onSuccess: () => toast('Project saved', 'ok'),
      onError: (error) => toast(error.message, 'danger'),
    });
  };
  return (
    <Card
      title="Project settings"
      actions={<ProjectPicker projects={projects} value={String(project.id)} onChange={select} />}
    >
      {details.isError ? (
        <ErrorState error={details.error} onRetry={() => void details.refetch()} />
      ) : !draft ? (
        <Skeleton className="h-40 w-full" />
      ) : (
        <fieldset disabled={!canEdit} className="flex flex-col">
          <div className="grid gap-3 pb-3 md:grid-cols-2">
            <TextField label="Name" value={draft.name} onChange={(e) => set('name', e.target.value)} />
            <TextField
              label="Platform"
              value={draft.platform}
              onChange={(e) => set('platform', e.target.value)}
              placeholder="node, javascript, python…"
            />
            <TextField
              label="Repository"
              value={draft.repositoryUrl}
              onChange={(e) => set('repositoryUrl', e.target.value)}
              placeholder="https://github.com/acme/shop.git"
            />
            <TextField
              label="Base branch"
              value={draft.baseBranch}
              onChange={(e) => set('baseBranch', e.target.value)}
              placeholder="main"
            />
            <TextField
              label="Test command"
              className="md:col-span-2"
              value={draft.testCommand}
              onChange={(e) => set('testCommand', e.target.value)}
              placeholder="npm test"
              hint="Runs the generated regression test before and after a fix."
            />
          </div>
          <SettingsRow
            title="Investigate automatically"
            description="Investigate new and regressed issues as they arrive."
          >
            <ToggleSwitch
              label="Investigate automatically"
              checked={draft.autoInvestigate}
              onChange={(v) => set('autoInvestigate', v)}
              disabled={!canEdit}
            />
          </SettingsRow>
          <SettingsRow
            title="Autofix for this project"
            description={
              autofixSupported
                ? 'Let Fixloop write, test and propose fixes for qualifying issues.'
                : 'Per-project autofix settings arrive with the fix engine; the organization kill switch is under Autofix & AI.'
            }
          >
            <ToggleSwitch
              label="Autofix for this project"
              checked={draft.autofix}
              onChange={(v) => set('autofix', v)}
              disabled={!canEdit || !autofixSupported}
            />
          </SettingsRow>
          <div className="border-b border-line py-3.5">
            <h3 className="text-[13px] font-medium">Thresholds</h3>
            <p className="mt-0.5 mb-2 text-xs text-muted">
              What happens to new issues of each severity; a fix is tried once enough events arrived.
            </p>
            <TriggerRulesEditor
              rules={draft.triggerRules}
              onChange={(rules) => set('triggerRules', rules)}
              disabled={!canEdit || !autofixSupported}
            />
          </div>
          {canEdit && (
            <div className="flex justify-end pt-3">
              <Button variant="primary" loading={update.isPending} onClick={save}>
                Save changes
              </Button>
            </div>
          )}
        </fieldset>
      )}
    </Card>
  );
}
