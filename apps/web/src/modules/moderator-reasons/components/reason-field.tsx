import { MODERATION_REASON_MAX_LENGTH } from '@kindred/contracts';
import { CANNED_REASONS, OWN_WORDS, type ReasonChoice } from '../lib/reasons';

interface ReasonFieldProps {
  idPrefix: string;
  value: ReasonChoice;
  onChange: (value: ReasonChoice) => void;
  error?: string;
  /** Who reads the reason, for the hint. */
  audience?: string;
}

/** Every moderator action needs a reason: a common one from the list, or their own words. */
export function ReasonField({ idPrefix, value, onChange, error, audience = 'The member is told this reason privately; it is also kept in the moderation log.' }: ReasonFieldProps) {
  const selectId = `${idPrefix}-reason`;
  const detailId = `${idPrefix}-reason-detail`;
  const own = value.preset === OWN_WORDS;
  return (
    <div className="reason-field">
      <div className="field field--compact">
        <label htmlFor={selectId} className="field__label">
          Reason
        </label>
        <p id={`${selectId}-hint`} className="field__hint">
          {audience}
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
          <option value="">Choose a reason…</option>
          {CANNED_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {reason}
            </option>
          ))}
          <option value={OWN_WORDS}>In my own words…</option>
        </select>
      </div>
      <div className="field field--compact">
        <label htmlFor={detailId} className="field__label field__label--small">
          {own ? 'Your reason' : 'Add a detail'} {!own && <span className="field__optional">(optional)</span>}
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
