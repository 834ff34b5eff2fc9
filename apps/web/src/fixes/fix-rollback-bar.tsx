import { useState } from 'react';
import { Undo2 } from 'lucide-react';
import type { Fix } from '../api/types.ts';
import { useFixDecision } from '../api/use-fixes.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useToast } from '../ui/use-toast.ts';

// The states with a commit on the fix branch (core's COMMITTED_FIX_ATTEMPT_STATES).
const COMMITTED: Fix['status'][] = ['committed', 'tests_passed', 'tests_failed'];

/**
 * Rolls a committed fix back: a revert commit on the fix branch. It rewrites what others may have pulled,
 * so it asks for confirmation first.
 */
export function FixRollbackBar({ fix, canDecide }: { fix: Fix; canDecide: boolean }) {
  const decide = useFixDecision(fix.id);
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  if (!canDecide || !COMMITTED.includes(fix.status)) return null;
  const rollback = () =>
    decide.mutate(
      { decision: 'rollback', reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          toast('Fix rolled back', 'ok');
          setConfirming(false);
        },
        onError: (error) => toast(error.message, 'danger'),
      },
    );
  return (
    <div className="flex items-center gap-2 rounded-lg border border-line bg-surface px-4 py-3">
      <p className="mr-auto text-[13px] text-muted">
        This fix is committed to <span className="font-mono">{fix.commit?.branch}</span>.
      </p>
      <Button icon={<Undo2 size={14} />} onClick={() => setConfirming(true)}>
        Rollback
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Roll back this fix"
        description="Fixloop pushes a commit that reverts the fix on the fix branch."
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" loading={decide.isPending} onClick={rollback}>
              Roll back fix
            </Button>
          </>
        }
      >
        <TextField
          label="Reason (optional)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Why is it rolled back?"
        />
      </Dialog>
    </div>
  );
}
