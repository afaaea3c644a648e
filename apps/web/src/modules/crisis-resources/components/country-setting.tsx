import { useLingui } from '@lingui/react';
import { useId, useMemo } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { useMemberSettings } from '../../account/hooks/use-account';
import { useCrisisCountries, useSaveCountry } from '../hooks/use-crisis-resources';

/**
 * Which country's crisis lines to offer. Only the member says so; Kindred never guesses
 * from where a connection comes from. Countries without their own lines are not listed:
 * "somewhere else" gets the international ones, which is all they would get anyway.
 */
export function CountrySetting() {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const { i18n } = useLingui();
  const settings = useMemberSettings();
  const countries = useCrisisCountries();
  const save = useSaveCountry();
  const current = (settings.data as { country?: string | null } | undefined)?.country ?? null;

  const options = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.locale], { type: 'region' });
    const codes = new Set([...(countries.data?.countries ?? []), ...(current ? [current] : [])]);
    return [...codes].map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
  }, [countries.data, current, i18n.locale]);

  return (
    <div>
      <p className="muted">{t('crisis.country.explain')}</p>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('crisis.country.label')}
        </label>
        <select
          id={id}
          className="field__input"
          value={current ?? ''}
          disabled={save.isPending || settings.isPending || countries.isPending}
          onChange={(event) => save.mutate(event.target.value || null)}
        >
          <option value="">{t('crisis.country.elsewhere')}</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <div role="status">{save.isSuccess && <p className="notice notice--success">{t('crisis.country.saved')}</p>}</div>
      {(save.isError || countries.isError) && (
        <p className="field__error" role="alert">
          {errorText(save.error ?? countries.error)}
        </p>
      )}
    </div>
  );
}
