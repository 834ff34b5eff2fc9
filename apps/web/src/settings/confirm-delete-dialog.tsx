import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';

/** Asks before deleting something that cannot be brought back. */
export function ConfirmDeleteDialog({
  what,
  open,
  onCancel,
  onConfirm,
  deleting,
}: {
  what: string;
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  deleting: boolean;
}) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={`Delete ${what}?`}
      description="This cannot be undone."
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="danger" loading={deleting} onClick={onConfirm}>
            Delete
          </Button>
        </>
      }
    />
  );
}
