import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { CARE_MESSAGE_MAX_LENGTH, CARE_NOTE_MAX_LENGTH } from '@kindred/contracts';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { useCareTemplates, useItemCheckIns, useMarkSupported, useNotACrisis, useSendCheckIn } from '../hooks/use-care';
import { CheckInMessages } from './check-in-messages';
import { HandOverForm } from './hand-over-form';
import './care.css';

const OWN_WORDS = '';

/**
 * A crisis item's own responses, none of them a sanction: check in privately (a template or
 * words of one's own), mark as supported with a private note, hand over, or dismiss as not a crisis.
 */
export function CrisisCarePanel({ itemId, onDone }: { itemId: string; onDone: (message: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const templates = useCareTemplates();
  const checkIns = useItemCheckIns(itemId);
  const send = useSendCheckIn(itemId);
  const supported = useMarkSupported(itemId);
  const notACrisis = useNotACrisis(itemId);
  const [templateId, setTemplateId] = useState(OWN_WORDS);
  const [words, setWords] = useState('');
  const [note, setNote] = useState('');
  const chosen = templates.data?.find((template) => template.id === templateId);
  const failed = send.error ?? supported.error ?? notACrisis.error;

  function onCheckIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = chosen ? { templateId: chosen.id } : { body: words.trim() };
    if (!chosen && !words.trim()) return;
    send.mutate(body, { onSuccess: () => setWords('') });
  }

  function onSupported(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim()) return;
    supported.mutate(note.trim(), { onSuccess: () => onDone(t('care.panel.supportedDone')) });
  }

  const thread = checkIns.data?.[0];
  return (
    <section className="care-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('care.panel.heading')}</h3>
      <p className="muted">{t('care.panel.notASanction')}</p>

      {thread && (
        <CheckInMessages messages={thread.messages} label={t('care.panel.conversation')} team={t('care.panel.fromTeam')} other={t('care.panel.fromMember')} compact />
      )}

      <form className="queue-form" onSubmit={onCheckIn} aria-busy={send.isPending}>
        <div className="field field--compact">
          <label htmlFor={`${id}-template`} className="field__label field__label--small">
            {t('care.panel.templateLabel')}
          </label>
          <select id={`${id}-template`} className="field__input" value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
            <option value={OWN_WORDS}>{t('care.panel.ownWords')}</option>
            {templates.data?.map((template) => (
              <option key={template.id} value={template.id}>
                {template.title}
              </option>
            ))}
          </select>
        </div>
        {chosen ? (
          <p className="care-panel__preview">{chosen.body}</p>
        ) : (
          <div className="field field--compact">
            <label htmlFor={`${id}-words`} className="field__label field__label--small">
              {t('care.panel.wordsLabel')}
            </label>
            <textarea id={`${id}-words`} className="field__input" rows={3} maxLength={CARE_MESSAGE_MAX_LENGTH} value={words} onChange={(event) => setWords(event.target.value)} />
          </div>
        )}
        <div role="status">{send.isSuccess && <p className="notice notice--success">{t('care.panel.checkInSent')}</p>}</div>
        <button type="submit" className="button button--primary button--small" disabled={send.isPending}>
          {t('care.panel.checkIn')}
        </button>
      </form>

      <form className="queue-form" onSubmit={onSupported} aria-busy={supported.isPending}>
        <div className="field field--compact">
          <label htmlFor={`${id}-note`} className="field__label field__label--small">
            {t('care.panel.noteLabel')}
          </label>
          <input id={`${id}-note`} className="field__input" maxLength={CARE_NOTE_MAX_LENGTH} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--small" disabled={supported.isPending || !note.trim()}>
            {t('care.panel.markSupported')}
          </button>
          <button type="button" className="button button--small button--quiet" disabled={notACrisis.isPending} onClick={() => notACrisis.mutate(undefined, { onSuccess: () => onDone(t('care.panel.notACrisisDone')) })}>
            {t('care.panel.notACrisis')}
          </button>
        </div>
      </form>
      <HandOverForm itemId={itemId} onDone={onDone} />
      {failed && (
        <p className="field__error" role="alert">
          {errorText(failed)}
        </p>
      )}
    </section>
  );
}
