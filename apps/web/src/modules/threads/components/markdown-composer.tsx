import type { ContentWarningView } from '@kindred/contracts';
import type { KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import { PostPreview } from './post-preview';
import { useT } from '../../../shared/i18n/use-t';
import { MentionSuggestions } from '../../mentions/components/mention-suggestions';
import { useMentionAutocomplete } from '../../mentions/hooks/use-mention-autocomplete';

interface MarkdownComposerProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  rows?: number;
  maxLength: number;
  /** The warning chosen for this text, so the preview folds as readers will see it. */
  warning?: ContentWarningView;
  /** The room the words go to: "@" then offers its members to mention. */
  mentionRoomId?: string;
  /** Another element that says what this text is for (e.g. which post a reply answers). */
  describedBy?: string;
}

type Tab = 'write' | 'preview';
const WRITE: Tab = 'write';
const PREVIEW: Tab = 'preview';

/** Write / Preview tabs around a textarea. The textarea stays mounted so undo keeps working. */
export function MarkdownComposer({ id, label, value, onChange, error, hint, rows = 6, maxLength, warning, mentionRoomId, describedBy }: MarkdownComposerProps) {
  const t = useT();
  const mentions = useMentionAutocomplete({ roomId: mentionRoomId, value, onChange, idPrefix: id });
  const [tab, setTab] = useState<Tab>('write');
  const writeRef = useRef<HTMLButtonElement>(null);
  const previewRef = useRef<HTMLButtonElement>(null);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const next: Tab = tab === 'write' ? 'preview' : 'write';
    const target = event.key === 'Home' ? 'write' : event.key === 'End' ? 'preview' : next;
    setTab(target);
    (target === 'write' ? writeRef : previewRef).current?.focus();
  }

  const tabButton = (name: Tab) => (
    <button
      ref={name === 'write' ? writeRef : previewRef}
      type="button"
      role="tab"
      id={`${id}-tab-${name}`}
      aria-selected={tab === name}
      aria-controls={`${id}-panel-${name}`}
      tabIndex={tab === name ? 0 : -1}
      className="composer__tab"
      onClick={() => setTab(name)}
      onKeyDown={onTabKey}
    >
      {t(name === 'write' ? 'threads.composer.write' : 'threads.composer.preview')}
    </button>
  );

  return (
    <div className="field composer">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={hintId} className="field__hint">
        {hint ?? t('threads.composer.hint')}
      </p>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <div role="tablist" aria-label={t('threads.composer.tabs')} className="composer__tabs">
        {tabButton(WRITE)}
        {tabButton(PREVIEW)}
      </div>
      <div id={`${id}-panel-write`} role="tabpanel" aria-labelledby={`${id}-tab-write`} hidden={tab !== 'write'}>
        <textarea
          id={id}
          name={id}
          className="field__input field__input--multiline"
          rows={rows}
          value={value}
          maxLength={maxLength}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={mentions.handleKey}
          {...mentions.textarea}
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy ?? '', error ? errorId : '', hintId].filter(Boolean).join(' ')}
        />
        <MentionSuggestions list={mentions.list} />
      </div>
      <div
        id={`${id}-panel-preview`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-preview`}
        hidden={tab !== 'preview'}
        tabIndex={0}
        className="composer__preview prose"
      >
        {tab === 'preview' && <PostPreview id={id} text={value} warning={warning} />}
      </div>
    </div>
  );
}
