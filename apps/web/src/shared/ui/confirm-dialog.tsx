import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { useT } from '../i18n/use-t';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A calm yes/no question; the safe choice ("Cancel") comes first. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog open={props.open} onClose={props.onCancel} title={props.title}>
      {props.children}
      {props.error && (
        <p className="field__error" role="alert">
          {props.error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={props.onCancel}>
          {props.cancelLabel ?? t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={props.onConfirm} disabled={props.pending}>
          {props.pending ? t('common.oneMoment') : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
