import { Power } from 'lucide-react';
import { useAutofixSwitch, useSetAutofix } from '../api/use-autofix-switch.ts';
import { Card } from '../ui/card.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ToggleSwitch } from '../ui/toggle-switch.tsx';
import { useToast } from '../ui/use-toast.ts';

/** The organization-wide switch that stops every automatic fix at once. */
export function KillSwitchCard({ org, canEdit }: { org: string; canEdit: boolean }) {
  const state = useAutofixSwitch(org);
  const set = useSetAutofix(org);
  const toast = useToast();
  const enabled = state.data?.enabled ?? false;
  return (
    <Card title="Kill switch">
      <div className="flex items-center gap-4">
        <span
          aria-hidden
          className={`flex size-9 items-center justify-center rounded-full ${enabled ? 'bg-ok-soft text-ok' : 'bg-danger-soft text-danger'}`}
        >
          <Power size={17} />
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="text-[13px] font-medium">{enabled ? 'Autofix is running' : 'Autofix is stopped'}</h3>
          <p className="text-xs text-muted">
            {state.data === null
              ? 'This server does not offer the kill switch yet.'
              : 'Turning it off stops all fix generation and commits in this organization immediately; queued work is skipped.'}
          </p>
        </div>
        {state.isPending ? (
          <Skeleton className="h-5 w-9" />
        ) : (
          <ToggleSwitch
            label="Autofix enabled"
            checked={enabled}
            disabled={!canEdit || state.data === null || set.isPending}
            onChange={(next) =>
              set.mutate(next, {
                onSuccess: () => toast(next ? 'Autofix enabled' : 'Autofix stopped', 'ok'),
                onError: (error) => toast(error.message, 'danger'),
              })
            }
          />
        )}
      </div>
    </Card>
  );
}
