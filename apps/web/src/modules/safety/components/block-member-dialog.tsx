import { toDisplayError } from '../../../shared/lib/api-client';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { useBlockMember } from '../hooks/use-blocks';

interface BlockMemberDialogProps {
  handle: string;
  open: boolean;
  onClose: () => void;
  onBlocked: (handle: string) => void;
}

/** Explains, before anything happens, that a block is private and can be undone. */
export function BlockMemberDialog({ handle, open, onClose, onBlocked }: BlockMemberDialogProps) {
  const block = useBlockMember();

  return (
    <ConfirmDialog
      open={open}
      title={`Block ${handle}?`}
      confirmLabel={`Block ${handle}`}
      pending={block.isPending}
      error={block.error ? toDisplayError(block.error).message : null}
      onCancel={() => {
        block.reset();
        onClose();
      }}
      onConfirm={() =>
        block.mutate(handle, {
          onSuccess: () => {
            onClose();
            onBlocked(handle);
          },
        })
      }
    >
      <p>Blocking is private. {handle} is not told, and nobody else can see it.</p>
      <ul>
        <li>Their threads and posts are hidden from you everywhere.</li>
        <li>Their mentions of you do not reach you.</li>
        <li>You can unblock them at any time in Settings.</li>
      </ul>
    </ConfirmDialog>
  );
}
