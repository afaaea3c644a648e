import { LANGUAGES, type Language } from '@kindred/contracts';
import { useId } from 'react';
import { LANGUAGE_ENDONYMS, isLanguage } from './locales';
import { useT } from './use-t';

interface LanguagePickerProps {
  value: Language | null;
  onChange: (language: Language | null) => void;
  /** Offer "Same as my browser" (null); members can go back to following the browser. */
  allowBrowser?: boolean;
  disabled?: boolean;
}

/** A labelled select; each language is named in itself so anyone can find theirs. */
export function LanguagePicker({ value, onChange, allowBrowser = false, disabled }: LanguagePickerProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="field language-picker">
      <label htmlFor={id} className="field__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="field__input"
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(isLanguage(event.target.value) ? event.target.value : null)}
      >
        {allowBrowser && <option value="">{t('language.followBrowser')}</option>}
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_ENDONYMS[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
