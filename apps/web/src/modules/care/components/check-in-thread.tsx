import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { CARE_MESSAGE_MAX_LENGTH } from '@kindred/contracts';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useCheckIn, useReplyToCheckIn } from '../hooks/use-care';
import { CheckInMessages } from './check-in-messages';
import './care.css';

/** The member's private check-in from the moderation team, and their answer. */
export function CheckInThread({ id }: { id: string }) {
  const t = useT();
  const errorText = useErrorText();
  const formId = useId();
  const thread = useCheckIn(id);
  const reply = useReplyToCheckIn(id);
  const [body, setBody] = useState('');

  if (thread.isPending) return <LoadingState label={t('care.checkIn.loading')} />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) return;
    reply.mutate(body.trim(), { onSuccess: () => setBody('') });
  }

  return (
    <>
      <CheckInMessages messages={thread.data.messages} label={t('care.checkIn.messages')} team={t('care.checkIn.fromTeam')} other={t('care.checkIn.fromYou')} />
      <form className="check-in__form" onSubmit={onSubmit} aria-busy={reply.isPending}>
        <div className="field">
          <label htmlFor={`${formId}-reply`} className="field__label">
            {t('care.checkIn.replyLabel')}
          </label>
          <p id={`${formId}-hint`} className="field__hint">
            {t('care.checkIn.replyHint')}
          </p>
          <textarea
            id={`${formId}-reply`}
            className="field__input"
            rows={4}
            maxLength={CARE_MESSAGE_MAX_LENGTH}
            aria-describedby={`${formId}-hint`}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        {reply.isError && (
          <p className="field__error" role="alert">
            {errorText(reply.error)}
          </p>
        )}
        <div role="status">{reply.isSuccess && <p className="notice notice--success">{t('care.checkIn.sent')}</p>}</div>
        <button type="submit" className="button button--primary" disabled={reply.isPending || !body.trim()}>
          {t('care.checkIn.send')}
        </button>
      </form>
    </>
  );
}
