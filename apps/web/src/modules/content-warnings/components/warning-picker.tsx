import type { ContentWarningCategory } from '@kindred/contracts';
import { CONTENT_WARNING_CATEGORIES, WARNING_NOTE_MAX_LENGTH } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { useCategoryLabel } from '../hooks/use-category-label';
import type { WarningChoice } from '../lib/warning-choice';

interface WarningPickerProps {
  /** Unique per form, so several pickers can share a page. */
  idPrefix: string;
  value: WarningChoice;
  onChange: (value: WarningChoice) => void;
  required?: boolean;
  error?: string;
}

/** Content-warning categories, the explicit "none apply" answer and a short optional note. */
export function WarningPicker({ idPrefix, value, onChange, required = false, error }: WarningPickerProps) {
  const t = useT();
  const label = useCategoryLabel();
  const errorId = `${idPrefix}-warning-error`;
  const hintId = `${idPrefix}-warning-hint`;

  function toggle(category: ContentWarningCategory, checked: boolean) {
    const categories = checked
      ? [...value.categories, category]
      : value.categories.filter((c) => c !== category);
    // Choosing a topic and "none apply" contradict each other; the latest choice wins.
    onChange({ ...value, categories, noneApply: checked ? false : value.noneApply });
  }

  function toggleNone(checked: boolean) {
    onChange({ ...value, noneApply: checked, categories: checked ? [] : value.categories });
  }

  return (
    <fieldset
      className="warning-picker"
      aria-describedby={[error ? errorId : '', hintId].filter(Boolean).join(' ')}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">
        {t('cw.picker.legend')}
        {!required && <span className="field__optional"> {t('cw.optional')}</span>}
      </legend>
      <p id={hintId} className="field__hint">
        {t(required ? 'cw.picker.hintRequired' : 'cw.picker.hint')}
      </p>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <ul className="warning-picker__grid">
        {CONTENT_WARNING_CATEGORIES.map((category) => {
          const id = `${idPrefix}-cw-${category}`;
          return (
            <li key={category} className="check">
              <input
                id={id}
                type="checkbox"
                checked={value.categories.includes(category)}
                onChange={(event) => toggle(category, event.target.checked)}
              />
              <label htmlFor={id}>{label(category)}</label>
            </li>
          );
        })}
      </ul>
      <div className="check check--separate">
        <input
          id={`${idPrefix}-cw-none`}
          type="checkbox"
          checked={value.noneApply}
          onChange={(event) => toggleNone(event.target.checked)}
        />
        <label htmlFor={`${idPrefix}-cw-none`}>{t('cw.picker.noneApply')}</label>
      </div>
      <div className="field field--compact">
        <label htmlFor={`${idPrefix}-cw-note`} className="field__label field__label--small">
          {t('cw.picker.note')} <span className="field__optional">{t('cw.optional')}</span>
        </label>
        <p id={`${idPrefix}-cw-note-hint`} className="field__hint">
          {t('cw.picker.noteHint', { max: WARNING_NOTE_MAX_LENGTH })}
        </p>
        <input
          id={`${idPrefix}-cw-note`}
          className="field__input"
          value={value.note}
          maxLength={WARNING_NOTE_MAX_LENGTH}
          aria-describedby={`${idPrefix}-cw-note-hint`}
          onChange={(event) => onChange({ ...value, note: event.target.value })}
        />
      </div>
    </fieldset>
  );
}
