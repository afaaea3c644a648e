import type { WarningPreference, WarningPreferences } from '@kindred/contracts';
import { CONTENT_WARNING_CATEGORIES, CONTENT_WARNING_LABELS } from '@kindred/contracts';
import { PREFERENCE_OPTIONS } from '../lib/preferences';
import './content-warnings.css';

interface PreferencesEditorProps {
  value: WarningPreferences;
  onChange: (value: WarningPreferences) => void;
}

/** One row per topic with three choices; "set all" for people who want one rule. */
export function PreferencesEditor({ value, onChange }: PreferencesEditorProps) {
  function setAll(preference: WarningPreference) {
    onChange(
      Object.fromEntries(CONTENT_WARNING_CATEGORIES.map((c) => [c, preference])) as WarningPreferences,
    );
  }

  return (
    <div className="preferences">
      <dl className="preferences__legend">
        {PREFERENCE_OPTIONS.map((option) => (
          <div key={option.value}>
            <dt>{option.label}</dt>
            <dd>{option.hint}</dd>
          </div>
        ))}
      </dl>
      <div className="preferences__all" role="group" aria-label="Set every topic at once">
        <span className="preferences__all-label" aria-hidden="true">
          Set every topic to:
        </span>
        {PREFERENCE_OPTIONS.map((option) => (
          <button key={option.value} type="button" className="button button--small" onClick={() => setAll(option.value)}>
            <span className="visually-hidden">Set every topic to </span>
            {option.label}
          </button>
        ))}
      </div>
      <ul className="preferences__list">
        {CONTENT_WARNING_CATEGORIES.map((category) => (
          <li key={category}>
            <fieldset className="preference-row">
              <legend className="preference-row__topic">{CONTENT_WARNING_LABELS[category]}</legend>
              <div className="segmented">
                {PREFERENCE_OPTIONS.map((option) => {
                  const id = `pref-${category}-${option.value}`;
                  return (
                    <span key={option.value} className="segmented__option">
                      <input
                        id={id}
                        type="radio"
                        name={`pref-${category}`}
                        value={option.value}
                        checked={value[category] === option.value}
                        onChange={() => onChange({ ...value, [category]: option.value })}
                      />
                      <label htmlFor={id}>{option.label}</label>
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
