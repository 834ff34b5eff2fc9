import { useState } from 'react';
import { ListChecks } from 'lucide-react';
import { useAlertChannels } from '../api/use-alert-channels.ts';
import {
  useAlertRules,
  useCreateAlertRule,
  useDeleteAlertRule,
  useUpdateAlertRule,
} from '../api/use-alert-rules.ts';
import type { AlertRule, AlertRuleInput } from '../api/use-alert-rules.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useToast } from '../ui/use-toast.ts';
import { AlertRuleDialog } from './alert-rule-dialog.tsx';
import { AlertRuleRow } from './alert-rule-row.tsx';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';
import { ProjectPicker } from './project-picker.tsx';
import { useSettingsProject } from './use-settings-project.ts';

/** The selected project's alert rules and its organization's; rules from the config file are read-only. */
export function AlertRulesSection({ org, canEdit }: { org: string; canEdit: boolean }) {
  const { projects, project, loading, select } = useSettingsProject(org);
  const slug = project?.slug ?? '';
  const rules = useAlertRules(org, slug);
  const channels = useAlertChannels(org).data ?? [];
  const create = useCreateAlertRule(org, slug);
  const update = useUpdateAlertRule(org, slug);
  const toggle = useUpdateAlertRule(org, slug);
  const remove = useDeleteAlertRule(org, slug);
  const toast = useToast();
  // undefined: closed; null: creating; a rule: editing it.
  const [editing, setEditing] = useState<AlertRule | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const saving = editing ? update : create;
  const close = () => {
    create.reset();
    update.reset();
    setEditing(undefined);
  };
  const save = (body: AlertRuleInput) => {
    const done = { onSuccess: () => (toast('Rule saved', 'ok'), close()) };
    if (editing) update.mutate({ id: editing.id, body }, done);
    else create.mutate(body, done);
  };
  return (
    <Card
      title="Alert rules"
      actions={
        <>
          {project && <ProjectPicker projects={projects} value={String(project.id)} onChange={select} />}
          {canEdit && project && rules.data !== null && (
            <Button size="sm" variant="primary" onClick={() => setEditing(null)}>
              New rule
            </Button>
          )}
        </>
      }
    >
      {!loading && !project ? (
        <EmptyState icon={<ListChecks size={18} />} title="No projects">
          Alert rules belong to a project; create one first.
        </EmptyState>
      ) : !project || rules.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data === null || rules.data.length === 0 ? (
        <EmptyState icon={<ListChecks size={18} />} title="No alert rules">
          Rules decide which issues and events become messages, and where they go.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line">
          {rules.data.map((rule) => (
            <AlertRuleRow
              key={rule.id}
              rule={rule}
              channels={channels}
              canEdit={canEdit}
              onEdit={() => setEditing(rule)}
              onDelete={() => setDeleting(rule)}
              toggling={toggle.isPending}
              onToggle={(enabled) =>
                toggle.mutate(
                  { id: rule.id, body: { enabled } },
                  { onError: (e) => toast(e.message, 'danger') },
                )
              }
            />
          ))}
        </ul>
      )}
      <AlertRuleDialog
        open={editing !== undefined}
        rule={editing ?? null}
        channels={channels}
        onClose={close}
        onSave={save}
        saving={saving.isPending}
        error={saving.error}
      />
      <ConfirmDeleteDialog
        what={`rule ${deleting?.name ?? ''}`}
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        deleting={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => (toast('Rule deleted', 'ok'), setDeleting(null)),
            onError: (e) => toast(e.message, 'danger'),
          })
        }
      />
    </Card>
  );
}
