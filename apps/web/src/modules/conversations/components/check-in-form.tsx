import { CHAT_MESSAGE_MAX_LENGTH, type AuthorView } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { useStartConversation } from '../hooks/use-conversations';

/**
 * A moderator opens a private check-in with a member from a queue item: it reaches them at
 * once, labelled "from the moderation team", under the team's name unless the moderator
 * chooses to give their own.
 */
export function CheckInForm({ member, onCancel }: { member: AuthorView; onCancel: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const start = useStartConversation();
  const [body, setBody] = useState('');
  const [asTeam, setAsTeam] = useState(true);
  const [empty, setEmpty] = useState(false);
  const [clientId] = useState(() => crypto.randomUUID());
  const idBase = `check-in-${member.id}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    start.mutate(
      { participantIds: [member.id], body, clientId, kind: 'check-in', asTeam },
      { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`, { state: { notice: t('conversations.checkIn.sent') } }) },
    );
  }

  return (
    <form className="queue-form" onSubmit={onSubmit} noValidate>
      <p>{t('conversations.checkIn.lead', { handle: member.handle })}</p>
      <TextareaField
        id={`${idBase}-body`}
        label={t('conversations.checkIn.label')}
        value={body}
        onChange={(value) => {
          setEmpty(false);
          setBody(value);
        }}
        maxLength={CHAT_MESSAGE_MAX_LENGTH}
        rows={4}
        error={empty ? t('chat.composer.empty') : undefined}
      />
      <div className="check">
        <input id={`${idBase}-team`} type="checkbox" checked={asTeam} onChange={(event) => setAsTeam(event.target.checked)} />
        <label htmlFor={`${idBase}-team`}>{t('conversations.checkIn.asTeam')}</label>
      </div>
      {start.error && (
        <p className="field__error" role="alert">
          {errorText(start.error)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={start.isPending}>
          {start.isPending ? t('common.oneMoment') : t('conversations.checkIn.send')}
        </button>
      </div>
    </form>
  );
}
