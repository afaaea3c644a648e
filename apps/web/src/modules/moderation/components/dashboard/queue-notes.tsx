import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useErrorText } from '../../../../shared/i18n/error-text';
import { useT } from '../../../../shared/i18n/use-t';
import { useAuthorName } from '../../../../shared/i18n/author-name';
import { TimeAgo } from '../../../../shared/ui/time-ago';
import type { QueueItem } from '../../api/moderation-api';
import { useAddNote } from '../../hooks/use-moderation';

const NOTE_MAX_LENGTH = 2_000;

/** Notes only moderators see; never shown to the member or the reporters. */
export function QueueNotes({ item }: { item: QueueItem }) {
  const id = useId();
  const t = useT();
  const nameOf = useAuthorName();
  const errorText = useErrorText();
  const add = useAddNote();
  const [body, setBody] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate({ id: item.id, body: body.trim() }, { onSuccess: () => setBody('') });
  }

  return (
    <>
      {item.notes.length > 0 ? (
        <ul className="queue-list">
          {item.notes.map((note, index) => (
            <li key={`${note.createdAt}-${index}`}>
              <p className="queue-list__text">{note.body}</p>
              <p className="muted queue-list__meta">
                {nameOf(note.author)} · <TimeAgo iso={note.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('moderation.notes.none')}</p>
      )}
      <form className="inline-form queue-notes__form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-note`} className="field__label field__label--small">
            {t('moderation.notes.label')}
          </label>
          <input id={`${id}-note`} className="field__input" value={body} maxLength={NOTE_MAX_LENGTH} onChange={(event) => setBody(event.target.value)} />
        </div>
        <button type="submit" className="button button--small" disabled={add.isPending || !body.trim()}>
          {t('moderation.notes.add')}
        </button>
      </form>
      {add.isError && (
        <p className="field__error" role="alert">
          {errorText(add.error)}
        </p>
      )}
    </>
  );
}
