import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { useAppeal } from '../hooks/use-notifications';

const APPEAL_MAX_LENGTH = 1_000;

/**
 * "Ask for a second look" at a moderator's decision. A different moderator reviews it; the
 * member hears back in their notifications.
 */
export function AppealForm({ logEntryId }: { logEntryId: string }) {
  const id = useId();
  const appeal = useAppeal();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  if (appeal.isSuccess) {
    return (
      <p className="notice notice--success" role="status">
        Thank you. A different moderator will look at this again, and you will hear back here.
      </p>
    );
  }

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)} aria-expanded={false}>
        Ask for a second look
      </button>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (message.trim().length < 3) {
      setProblem('Please write a few words about why you would like this looked at again.');
      return;
    }
    setProblem(undefined);
    appeal.mutate({ logEntryId, message: message.trim() });
  }

  return (
    <form className="appeal-form" onSubmit={onSubmit} noValidate aria-busy={appeal.isPending}>
      <TextareaField
        id={`${id}-message`}
        label="What would you like the moderators to know?"
        hint="A different moderator from the one who decided will read this."
        value={message}
        onChange={setMessage}
        error={problem}
        maxLength={APPEAL_MAX_LENGTH}
        rows={3}
        autoFocus
      />
      {appeal.isError && (
        <p className="field__error" role="alert">
          {toDisplayError(appeal.error).message}
        </p>
      )}
      <div className="button-row button-row--tight">
        <button type="submit" className="button button--small button--primary" disabled={appeal.isPending}>
          {appeal.isPending ? 'Sending…' : 'Send'}
        </button>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
