import { useErrorText } from '../../../../shared/i18n/error-text';
import { useT } from '../../../../shared/i18n/use-t';

interface Props {
  /** The failed request's error, if the last attempt failed. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/** How every queue form ends: the request's error (announced), then submit and cancel. */
export function QueueFormFooter({ error, pending, submitLabel, onCancel }: Props) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <>
      {error !== undefined && (
        <p className="field__error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('common.oneMoment') : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
