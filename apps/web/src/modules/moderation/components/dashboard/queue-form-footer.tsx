import { toDisplayError } from '../../../../shared/lib/api-client';

interface Props {
  /** The failed request's error, if the last attempt failed. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/** How every queue form ends: the request's error (announced), then submit and cancel. */
export function QueueFormFooter({ error, pending, submitLabel, onCancel }: Props) {
  return (
    <>
      {error !== undefined && (
        <p className="field__error" role="alert">
          {toDisplayError(error).message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'One moment…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
