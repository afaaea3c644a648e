import type { KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import { TextPreview } from './text-preview';

interface MarkdownComposerProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  rows?: number;
  maxLength: number;
}

type Tab = 'write' | 'preview';

/** Write / Preview tabs around a textarea. The textarea stays mounted so undo keeps working. */
export function MarkdownComposer({ id, label, value, onChange, error, hint, rows = 6, maxLength }: MarkdownComposerProps) {
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

  const tabButton = (name: Tab, text: string) => (
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
      {text}
    </button>
  );

  return (
    <div className="field composer">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={hintId} className="field__hint">
        {hint ?? 'Markdown works: **bold**, *italic*, lists and links. Formatting appears once posted.'}
      </p>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <div role="tablist" aria-label="Write or preview" className="composer__tabs">
        {tabButton('write', 'Write')}
        {tabButton('preview', 'Preview')}
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
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', hintId].filter(Boolean).join(' ')}
        />
      </div>
      <div
        id={`${id}-panel-preview`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-preview`}
        hidden={tab !== 'preview'}
        tabIndex={0}
        className="composer__preview prose"
      >
        {tab === 'preview' && <TextPreview text={value} />}
      </div>
    </div>
  );
}
