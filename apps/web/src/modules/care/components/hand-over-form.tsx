import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { CARE_NOTE_MAX_LENGTH } from '@kindred/contracts';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { useCarers, useHandOver } from '../hooks/use-care';

/** Hand a crisis item to another moderator of the room, a global moderator or an admin, with an optional private note. */
export function HandOverForm({ itemId, onDone }: { itemId: string; onDone: (message: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const carers = useCarers(itemId);
  const handOver = useHandOver(itemId);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const chosen = carers.data?.find((carer) => carer.id === to);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    handOver.mutate({ toUserId: chosen.id, note: note.trim() }, { onSuccess: () => onDone(t('care.panel.handedOver', { handle: chosen.handle })) });
  }

  if (carers.data?.length === 0) return <p className="muted">{t('care.panel.noCarers')}</p>;
  return (
    <form className="queue-form" onSubmit={onSubmit} aria-busy={handOver.isPending}>
      <div className="field field--compact">
        <label htmlFor={`${id}-to`} className="field__label field__label--small">
          {t('care.panel.handOverTo')}
        </label>
        <select id={`${id}-to`} className="field__input" value={to} onChange={(event) => setTo(event.target.value)}>
          <option value="">{t('care.panel.handOverPick')}</option>
          {carers.data?.map((carer) => (
            <option key={carer.id} value={carer.id}>
              {carer.handle}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--compact">
        <label htmlFor={`${id}-note`} className="field__label field__label--small">
          {t('care.panel.handOverNote')}
        </label>
        <input id={`${id}-note`} className="field__input" maxLength={CARE_NOTE_MAX_LENGTH} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="submit" className="button button--small" disabled={handOver.isPending || !chosen}>
        {t('care.panel.handOver')}
      </button>
      {handOver.isError && (
        <p className="field__error" role="alert">
          {errorText(handOver.error)}
        </p>
      )}
    </form>
  );
}
