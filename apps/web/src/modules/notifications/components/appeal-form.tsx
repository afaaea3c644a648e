import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { useAppeal } from '../hooks/use-notifications';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';

const APPEAL_MAX_LENGTH = 1_000;

/**
 * "Ask for a second look" at a moderator's decision. A different moderator reviews it; the
 * member hears back in their notifications.
 */
export function AppealForm({ logEntryId }: { logEntryId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const appeal = useAppeal();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  if (appeal.isSuccess) {
    return (
      <p className="notice notice--success" role="status">
        {t('appeal.sent')}
      </p>
    );
  }

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)} aria-expanded={false}>
        {t('appeal.open')}
      </button>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (message.trim().length < 3) {
      setProblem(t('appeal.tooShort'));
      return;
    }
    setProblem(undefined);
    appeal.mutate({ logEntryId, message: message.trim() });
  }

  return (
    <form className="appeal-form" onSubmit={onSubmit} noValidate aria-busy={appeal.isPending}>
      <TextareaField
        id={`${id}-message`}
        label={t('appeal.label')}
        hint={t('appeal.hint')}
        value={message}
        onChange={setMessage}
        error={problem}
        maxLength={APPEAL_MAX_LENGTH}
        rows={3}
        autoFocus
      />
      {appeal.isError && (
        <p className="field__error" role="alert">
          {errorText(appeal.error)}
        </p>
      )}
      <div className="button-row button-row--tight">
        <button type="submit" className="button button--small button--primary" disabled={appeal.isPending}>
          {appeal.isPending ? t('common.sending') : t('common.send')}
        </button>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
