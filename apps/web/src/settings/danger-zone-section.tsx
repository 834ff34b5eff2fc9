import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/api-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { useToast } from '../ui/use-toast.ts';
import { SettingsRow } from './settings-row.tsx';

/** Irreversible operations, owners and admins only, each behind a confirmation. */
export function DangerZoneSection({ org }: { org: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const queryClient = useQueryClient();
  const clearQueue = async () => {
    setBusy(true);
    try {
      const { data } = await apiRequest<{ cleared?: number }>(
        `/api/0/organizations/${encodeURIComponent(org)}/jobs/pending/`,
        { method: 'DELETE' },
      );
      toast(`Cleared ${data?.cleared ?? 'all'} pending jobs`, 'ok');
      void queryClient.invalidateQueries({ queryKey: queryKeys.health });
      setConfirming(false);
    } catch (error) {
      toast((error as Error).message, 'danger');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Danger zone" className="rounded-lg border border-danger/40 bg-surface">
      <header className="border-b border-danger/30 px-4 py-2.5">
        <h2 className="text-[13px] font-semibold text-danger">Danger zone</h2>
      </header>
      <div className="px-4">
        <SettingsRow
          title="Clear the pending queue"
          description="Drops every job that has not started: investigations, fixes and notifications waiting to run. Running jobs finish."
        >
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Clear pending queue
          </Button>
        </SettingsRow>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Clear the pending queue?"
        description="Pending jobs are deleted and will not run. This cannot be undone."
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" loading={busy} onClick={() => void clearQueue()}>
              Clear queue
            </Button>
          </>
        }
      />
    </section>
  );
}
