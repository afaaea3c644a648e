import type { WarningPreferences } from '@kindred/contracts';
import { useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useSaveWarningPreferences, useWarningPreferences } from '../hooks/use-warning-preferences';
import { PreferencesEditor } from './preferences-editor';

export function PreferencesSection() {
  const t = useT();
  const errorText = useErrorText();
  const saved = useWarningPreferences();
  const save = useSaveWarningPreferences();
  const [draft, setDraft] = useState<WarningPreferences | null>(null);

  if (saved.isPending) return <LoadingState label={t('cw.preferences.loading')} />;
  if (saved.isError) return <ErrorState error={saved.error} onRetry={() => void saved.refetch()} />;

  const value = draft ?? saved.data;
  const changed = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved.data);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(value, { onSuccess: () => setDraft(null) });
      }}
    >
      <PreferencesEditor
        value={value}
        onChange={(next) => {
          save.reset();
          setDraft(next);
        }}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending || !changed}>
          {t(save.isPending ? 'cw.preferences.saving' : 'cw.preferences.save')}
        </button>
      </div>
      <div role="status">
        {save.isSuccess && <p className="notice notice--success">{t('cw.preferences.saved')}</p>}
      </div>
      {save.isError && (
        <p className="field__error" role="alert">
          {errorText(save.error)}
        </p>
      )}
    </form>
  );
}
