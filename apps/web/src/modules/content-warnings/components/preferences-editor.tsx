import type { WarningPreference, WarningPreferences } from '@kindred/contracts';
import { CONTENT_WARNING_CATEGORIES } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { useCategoryLabel } from '../hooks/use-category-label';
import { PREFERENCE_LABELS } from '../lib/labels';
import { PREFERENCE_OPTIONS } from '../lib/preferences';
import './content-warnings.css';

interface PreferencesEditorProps {
  value: WarningPreferences;
  onChange: (value: WarningPreferences) => void;
}

/** One row per topic with three choices; "set all" for people who want one rule. */
export function PreferencesEditor({ value, onChange }: PreferencesEditorProps) {
  const t = useT();
  const categoryLabel = useCategoryLabel();
  function setAll(preference: WarningPreference) {
    onChange(
      Object.fromEntries(CONTENT_WARNING_CATEGORIES.map((c) => [c, preference])) as WarningPreferences,
    );
  }

  return (
    <div className="preferences">
      <dl className="preferences__legend">
        {PREFERENCE_OPTIONS.map((option) => (
          <div key={option}>
            <dt>{t(PREFERENCE_LABELS[option].label)}</dt>
            <dd>{t(PREFERENCE_LABELS[option].hint)}</dd>
          </div>
        ))}
      </dl>
      <div className="preferences__all" role="group" aria-label={t('cw.preferences.setAllGroup')}>
        <span className="preferences__all-label" aria-hidden="true">
          {t('cw.preferences.setAll')}
        </span>
        {PREFERENCE_OPTIONS.map((option) => (
          <button key={option} type="button" className="button button--small" onClick={() => setAll(option)}>
            <span className="visually-hidden">{t('cw.preferences.setAllPrefix')} </span>
            {t(PREFERENCE_LABELS[option].label)}
          </button>
        ))}
      </div>
      <ul className="preferences__list">
        {CONTENT_WARNING_CATEGORIES.map((category) => (
          <li key={category}>
            <fieldset className="preference-row">
              <legend className="preference-row__topic">{categoryLabel(category)}</legend>
              <div className="segmented">
                {PREFERENCE_OPTIONS.map((option) => {
                  const id = `pref-${category}-${option}`;
                  return (
                    <span key={option} className="segmented__option">
                      <input
                        id={id}
                        type="radio"
                        name={`pref-${category}`}
                        value={option}
                        checked={value[category] === option}
                        onChange={() => onChange({ ...value, [category]: option })}
                      />
                      <label htmlFor={id}>{t(PREFERENCE_LABELS[option].label)}</label>
                    </span>
                  );
                })}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
    </div>
  );
}
