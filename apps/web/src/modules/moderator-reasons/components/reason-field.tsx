import { MODERATION_REASON_MAX_LENGTH } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { CANNED_REASONS, OWN_WORDS, type ReasonChoice } from '../lib/reasons';

interface ReasonFieldProps {
  idPrefix: string;
  value: ReasonChoice;
  onChange: (value: ReasonChoice) => void;
  error?: string;
  /** Who reads the reason, for the hint (default: the member, privately). */
  audience?: string;
}

/** Every moderator action needs a reason: a common one from the list, or their own words. */
export function ReasonField({ idPrefix, value, onChange, error, audience }: ReasonFieldProps) {
  const t = useT();
  const selectId = `${idPrefix}-reason`;
  const detailId = `${idPrefix}-reason-detail`;
  const own = value.preset === OWN_WORDS;
  return (
    <div className="reason-field">
      <div className="field field--compact">
        <label htmlFor={selectId} className="field__label">
          {t('reasons.label')}
        </label>
        <p id={`${selectId}-hint`} className="field__hint">
          {audience ?? t('reasons.hint')}
        </p>
        {error && (
          <p id={`${selectId}-error`} className="field__error">
            {error}
          </p>
        )}
        <select
          id={selectId}
          className="field__input"
          value={value.preset}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${selectId}-error` : '', `${selectId}-hint`].filter(Boolean).join(' ')}
          onChange={(event) => onChange({ ...value, preset: event.target.value })}
        >
          <option value="">{t('reasons.choose')}</option>
          {Object.entries(CANNED_REASONS).map(([key, label]) => (
            <option key={key} value={key}>
              {t(label)}
            </option>
          ))}
          <option value={OWN_WORDS}>{t('reasons.ownWords')}</option>
        </select>
      </div>
      <div className="field field--compact">
        <label htmlFor={detailId} className="field__label field__label--small">
          {t(own ? 'reasons.yours' : 'reasons.addDetail')} {!own && <span className="field__optional">{t('common.optional')}</span>}
        </label>
        <input
          id={detailId}
          className="field__input"
          value={value.detail}
          maxLength={MODERATION_REASON_MAX_LENGTH}
          autoComplete="off"
          onChange={(event) => onChange({ ...value, detail: event.target.value })}
        />
      </div>
    </div>
  );
}
