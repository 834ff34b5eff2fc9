import { useState } from 'react';
import { Check, X } from 'lucide-react';
import type { Fix } from '../api/types.ts';
import { useFixDecision } from '../api/use-fixes.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useToast } from '../ui/use-toast.ts';

const DECIDABLE: Fix['status'][] = ['awaiting_approval', 'needs_review', 'tests_passed'];

/** Approve or reject a fix that waits for a human; rejecting needs a reason (it goes to the audit trail). */
export function FixApprovalBar({ fix, canDecide }: { fix: Fix; canDecide: boolean }) {
  const decide = useFixDecision(fix.id);
  const toast = useToast();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  if (!DECIDABLE.includes(fix.status)) return null;
  if (!canDecide)
    return (
      <p className="text-[13px] text-muted">This fix waits for approval by a member of the organization.</p>
    );
  const run = (decision: 'approve' | 'reject') =>
    decide.mutate(
      { decision, reason: decision === 'reject' ? reason : undefined },
      {
        onSuccess: () => {
          toast(decision === 'approve' ? 'Fix approved' : 'Fix rejected', 'ok');
          setRejecting(false);
        },
        onError: (error) => toast(error.message, 'danger'),
      },
    );
  return (
    <div className="flex items-center gap-2 rounded-lg border border-warn/30 bg-warn-soft px-4 py-3">
      <p className="mr-auto text-[13px] text-warn">This fix needs your decision before it is merged.</p>
      <Button
        variant="danger"
        icon={<X size={14} />}
        onClick={() => setRejecting(true)}
        disabled={decide.isPending}
      >
        Reject
      </Button>
      <Button
        variant="primary"
        icon={<Check size={14} />}
        loading={decide.isPending}
        onClick={() => run('approve')}
      >
        Approve
      </Button>
      <Dialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        title="Reject this fix"
        footer={
          <>
            <Button onClick={() => setRejecting(false)}>Cancel</Button>
            <Button
              variant="danger"
              loading={decide.isPending}
              disabled={reason.trim() === ''}
              onClick={() => run('reject')}
            >
              Reject fix
            </Button>
          </>
        }
      >
        <TextField
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="What is wrong with it?"
        />
      </Dialog>
    </div>
  );
}
