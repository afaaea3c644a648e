import type { NoticeSettingKey } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useSettingsDraft } from '../../../shared/lib/use-settings-draft';
import { useErrorText } from '../../../shared/i18n/error-text';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useNotificationSettings, useSaveNotificationSettings } from '../hooks/use-notification-settings';

const KINDS: { key: NoticeSettingKey; label: MessageId }[] = [
  { key: 'replies', label: 'notificationSettings.replies' },
  { key: 'mentions', label: 'notificationSettings.mentions' },
  { key: 'roomThreads', label: 'notificationSettings.roomThreads' },
  { key: 'moderation', label: 'notificationSettings.moderation' },
  { key: 'care', label: 'notificationSettings.care' },
  { key: 'sessions', label: 'notificationSettings.sessions' },
];

/** Which notices the member gets (in Kindred only), and whether taking part in a thread follows it. */
export function NotificationSettingsSection() {
  const t = useT();
  const errorText = useErrorText();
  const saved = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const { value, changed, change, clear } = useSettingsDraft(saved.data, save.reset);

  if (saved.isPending) return <LoadingState label={t('common.loadingChoices')} />;
  if (saved.isError) return <ErrorState error={saved.error} onRetry={() => void saved.refetch()} />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(value, { onSuccess: () => clear() });
  }

  return (
    <form onSubmit={onSubmit}>
      <fieldset className="choice-group">
        <legend className="field__label">{t('notificationSettings.kinds')}</legend>
        {KINDS.map((kind) => (
          <div key={kind.key} className="check">
            <input id={`notify-${kind.key}`} type="checkbox" checked={value[kind.key]} onChange={(event) => change({ [kind.key]: event.target.checked })} />
            <label htmlFor={`notify-${kind.key}`}>{t(kind.label)}</label>
          </div>
        ))}
        <p className="field__hint">{t('notificationSettings.inAppOnly')}</p>
        <p className="field__hint">{t('notificationSettings.alwaysOn')}</p>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t('notificationSettings.following')}</legend>
        <div className="check">
          <input id="notify-auto-follow" type="checkbox" checked={value.autoFollow} onChange={(event) => change({ autoFollow: event.target.checked })} />
          <label htmlFor="notify-auto-follow">{t('notificationSettings.autoFollow')}</label>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending || !changed}>
          {save.isPending ? t('common.saving') : t('notificationSettings.save')}
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
