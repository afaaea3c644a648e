import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { useBlockMember } from '../hooks/use-blocks';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';

interface BlockMemberDialogProps {
  handle: string;
  open: boolean;
  onClose: () => void;
  onBlocked: (handle: string) => void;
}

/** Explains, before anything happens, that a block is private and can be undone. */
export function BlockMemberDialog({ handle, open, onClose, onBlocked }: BlockMemberDialogProps) {
  const t = useT();
  const errorText = useErrorText();
  const block = useBlockMember();

  return (
    <ConfirmDialog
      open={open}
      title={t('blocks.dialogTitle', { handle })}
      confirmLabel={t('blocks.confirm', { handle })}
      pending={block.isPending}
      error={block.error ? errorText(block.error) : null}
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
      <p>{t('blocks.private', { handle })}</p>
      <ul>
        <li>{t('blocks.hidden')}</li>
        <li>{t('blocks.mentions')}</li>
        <li>{t('blocks.undo')}</li>
      </ul>
    </ConfirmDialog>
  );
}
