import type { WhoCanMessageMe } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useSettingsDraft } from '../../../shared/lib/use-settings-draft';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useRealtimeConnection } from '../../../shared/realtime/use-realtime';
import type { MentionChoice } from '../api/account-api';
import { useMemberSettings, useSaveMemberSettings } from '../hooks/use-account';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';
import type { MessageId } from '../../../shared/i18n/message-id';

const MENTION_OPTIONS: { value: MentionChoice; label: MessageId }[] = [
  { value: 'everyone', label: 'privacy.mentions.everyone' },
  { value: 'rooms', label: 'privacy.mentions.rooms' },
  { value: 'nobody', label: 'privacy.mentions.nobody' },
];

const MESSAGE_OPTIONS: { value: WhoCanMessageMe; label: MessageId }[] = [
  { value: 'anyone', label: 'privacy.messages.anyone' },
  { value: 'rooms', label: 'privacy.messages.rooms' },
  { value: 'nobody', label: 'privacy.messages.nobody' },
];

/** Who can see that I am here, that I am typing, and who can mention me. */
export function PrivacySettings() {
  const t = useT();
  const errorText = useErrorText();
  const saved = useMemberSettings();
  const save = useSaveMemberSettings();
  const connection = useRealtimeConnection();
  const { value, changed, change, clear } = useSettingsDraft(saved.data, save.reset);

  if (saved.isPending) return <LoadingState label={t('common.loadingChoices')} />;
  if (saved.isError) return <ErrorState error={saved.error} onRetry={() => void saved.refetch()} />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(value, {
      onSuccess: () => {
        clear();
        // The chat server reads these when a connection opens; reconnect so they apply now.
        connection?.restart();
      },
    });
  }

  return (
    <form onSubmit={onSubmit}>
      <fieldset className="choice-group">
        <legend className="field__label">{t('privacy.inLiveChat')}</legend>
        <div className="check">
          <input id="show-presence" type="checkbox" checked={value.showPresence} onChange={(event) => change({ showPresence: event.target.checked })} />
          <label htmlFor="show-presence">{t('privacy.showPresence')}</label>
        </div>
        <div className="check">
          <input id="show-typing" type="checkbox" checked={value.showTyping} onChange={(event) => change({ showTyping: event.target.checked })} />
          <label htmlFor="show-typing">{t('privacy.showTyping')}</label>
        </div>
        <p className="field__hint">{t('privacy.offHint')}</p>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t('privacy.whoMayMention')}</legend>
        {MENTION_OPTIONS.map((option) => (
          <div key={option.value} className="check">
            <input
              id={`mentions-${option.value}`}
              type="radio"
              name="mentions-from"
              checked={value.mentionsFrom === option.value}
              onChange={() => change({ mentionsFrom: option.value })}
            />
            <label htmlFor={`mentions-${option.value}`}>{t(option.label)}</label>
          </div>
        ))}
        <p className="field__hint">{t('privacy.blockedNeverMention')}</p>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t('privacy.whoMayMessage')}</legend>
        {MESSAGE_OPTIONS.map((option) => (
          <div key={option.value} className="check">
            <input
              id={`messages-${option.value}`}
              type="radio"
              name="messages-from"
              checked={value.whoCanMessageMe === option.value}
              onChange={() => change({ whoCanMessageMe: option.value })}
            />
            <label htmlFor={`messages-${option.value}`}>{t(option.label)}</label>
          </div>
        ))}
        <p className="field__hint">{t('privacy.messagesHint')}</p>
        <div className="check">
          <input id="read-receipts" type="checkbox" checked={value.readReceipts} onChange={(event) => change({ readReceipts: event.target.checked })} />
          <label htmlFor="read-receipts">{t('privacy.readReceipts')}</label>
        </div>
        <p className="field__hint">{t('privacy.readReceiptsHint')}</p>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending || !changed}>
          {save.isPending ? t('common.saving') : t('privacy.save')}
        </button>
      </div>
      <div role="status">{save.isSuccess && <p className="notice notice--success">{t('common.saved')}</p>}</div>
      {save.isError && (
        <p className="field__error" role="alert">
          {errorText(save.error)}
        </p>
      )}
    </form>
  );
}
