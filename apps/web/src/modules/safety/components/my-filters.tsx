import { PERSONAL_FILTER_LABEL_MAX_LENGTH, PERSONAL_FILTER_PHRASE_MAX_LENGTH, PersonalFilterMode, type PersonalFilter } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { FormField } from '../../../shared/ui/form-field';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useErrorText } from '../../../shared/i18n/error-text';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import { useFilters, useRemoveFilter, useSaveFilter } from '../hooks/use-filters';

interface Draft {
  id: string | null;
  phrase: string;
  mode: PersonalFilterMode;
  wholeWord: boolean;
  label: string;
}

const EMPTY: Draft = { id: null, phrase: '', mode: PersonalFilterMode.Warn, wholeWord: true, label: '' };

/** Refusals the form words itself, by the server's reason. */
const REASONS: Record<string, MessageId> = {
  'filter-too-broad': 'filters.error.tooBroad',
  'too-many-filters': 'filters.error.tooMany',
  'already-exists': 'filters.error.duplicate',
};

/**
 * "My filters": private words and phrases the member never wants to meet unwarned. Kept on the
 * server only (never in browser storage), applied there to every list, page, search and chat.
 */
export function MyFilters() {
  const t = useT();
  const errorText = useErrorText();
  const filters = useFilters();
  const save = useSaveFilter();
  const remove = useRemoveFilter();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');

  function change(next: Partial<Draft>) {
    save.reset();
    setDraft({ ...draft, ...next });
  }

  function refusal(cause: unknown): string {
    const reason = toDisplayError(cause).params?.reason;
    return typeof reason === 'string' && REASONS[reason] ? t(REASONS[reason]) : errorText(cause);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.phrase.trim()) {
      setProblem(t('filters.phraseRequired'));
      return;
    }
    setProblem(undefined);
    const request = { phrase: draft.phrase, mode: draft.mode, wholeWord: draft.wholeWord, label: draft.label.trim() || null };
    save.mutate(
      { id: draft.id, request },
      {
        onSuccess: () => {
          setStatus(t(draft.id ? 'filters.saved' : 'filters.added'));
          setDraft(EMPTY);
        },
      },
    );
  }

  function edit(filter: PersonalFilter) {
    save.reset();
    setStatus('');
    setDraft({ id: filter.id, phrase: filter.phrase, mode: filter.mode, wholeWord: filter.wholeWord, label: filter.label ?? '' });
    document.getElementById('filter-phrase')?.focus();
  }

  return (
    <>
      <p>{t('filters.intro')}</p>
      <div role="status">{status && <p className="notice notice--success">{status}</p>}</div>
      {filters.isPending ? (
        <LoadingState label={t('filters.loading')} />
      ) : filters.isError ? (
        <ErrorState error={filters.error} onRetry={() => void filters.refetch()} />
      ) : filters.data.length === 0 ? (
        <p className="muted">{t('filters.none')}</p>
      ) : (
        <ul className="item-list" aria-label={t('filters.listLabel')}>
          {filters.data.map((filter) => (
            <li key={filter.id} className="item-list__row">
              <span>
                <strong>{filter.phrase}</strong>{' '}
                <span className="muted">
                  {t(filter.mode === PersonalFilterMode.Hide ? 'filters.mode.hide' : 'filters.mode.warn')}
                  {' · '}
                  {t(filter.wholeWord ? 'filters.wholeWord' : 'filters.partial')}
                  {filter.label && <> · {t('filters.labelShown', { label: filter.label })}</>}
                </span>
              </span>
              <span className="button-row">
                <button type="button" className="button button--small" onClick={() => edit(filter)}>
                  {t('filters.edit')}
                  <span className="visually-hidden"> {filter.phrase}</span>
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(filter.id, { onSuccess: () => setStatus(t('filters.removed', { phrase: filter.phrase })) })}
                >
                  {t('filters.remove')}
                  <span className="visually-hidden"> {filter.phrase}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {remove.isError && (
        <p className="field__error" role="alert">
          {errorText(remove.error)}
        </p>
      )}
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t(draft.id ? 'filters.editTitle' : 'filters.addTitle')}>
        <FormField
          id="filter-phrase"
          label={t('filters.phrase')}
          hint={t('filters.phraseHint')}
          value={draft.phrase}
          onChange={(phrase) => change({ phrase })}
          error={problem}
          maxLength={PERSONAL_FILTER_PHRASE_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
        />
        <fieldset className="choice-group">
          <legend className="field__label">{t('filters.modeLegend')}</legend>
          {([PersonalFilterMode.Warn, PersonalFilterMode.Hide] as const).map((mode) => (
            <div key={mode} className="check">
              <input id={`filter-mode-${mode}`} type="radio" name="filter-mode" checked={draft.mode === mode} onChange={() => change({ mode })} />
              <label htmlFor={`filter-mode-${mode}`}>{t(mode === PersonalFilterMode.Hide ? 'filters.mode.hideLong' : 'filters.mode.warnLong')}</label>
            </div>
          ))}
        </fieldset>
        <div className="check">
          <input id="filter-whole-word" type="checkbox" checked={draft.wholeWord} onChange={(event) => change({ wholeWord: event.target.checked })} />
          <label htmlFor="filter-whole-word">{t('filters.wholeWordLong')}</label>
        </div>
        <FormField
          id="filter-label"
          label={t('filters.label')}
          hint={t('filters.labelHint')}
          value={draft.label}
          onChange={(label) => change({ label })}
          maxLength={PERSONAL_FILTER_LABEL_MAX_LENGTH}
          optional
          autoComplete="off"
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t(draft.id ? 'filters.save' : 'filters.add')}
          </button>
          {draft.id && (
            <button type="button" className="button" onClick={() => setDraft(EMPTY)}>
              {t('filters.cancel')}
            </button>
          )}
        </div>
        {save.isError && (
          <p className="field__error" role="alert">
            {refusal(save.error)}
          </p>
        )}
      </form>
    </>
  );
}
