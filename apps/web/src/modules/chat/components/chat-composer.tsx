import { CHAT_MESSAGE_MAX_LENGTH, ErrorCode } from '@kindred/contracts';
import type { FormEvent, KeyboardEvent } from 'react';
import { useState } from 'react';
import { useDraft } from '../../../shared/lib/drafts';
import { WarningPicker } from '../../content-warnings/components/warning-picker';
import { useChoiceProblem } from '../../content-warnings/hooks/use-choice-problem';
import { initialChoice, toWarningInput, withCategory } from '../../content-warnings/lib/warning-choice';
import { ComposeCheckPanel } from '../../compose-check/components/compose-check-panel';
import { useComposeCheck } from '../../compose-check/hooks/use-compose-check';
import { MentionSuggestions } from '../../mentions/components/mention-suggestions';
import { useMentionAutocomplete } from '../../mentions/hooks/use-mention-autocomplete';
import { useChatWords } from '../lib/describe';
import type { RoomChatStore } from '../lib/room-chat-store';

interface ChatComposerProps {
  store: RoomChatStore;
  /** Read-only (locked chat): the box stays visible but cannot be used. */
  disabled: boolean;
  /** The room asks for a content-warning choice on every message ("none apply" counts). */
  requireWarning?: boolean;
  /** What the check before sending is told this is: room chat, or a private conversation's message. */
  checkAs?: 'chat' | 'message';
}

/**
 * The message box. Sending clears it at once (the message shows as "Sending…"); if the
 * server says no, the words come back into the box with the reason, never lost.
 */
export function ChatComposer({ store, disabled, requireWarning = false, checkAs = 'chat' }: ChatComposerProps) {
  const choiceProblem = useChoiceProblem();
  const { t, refusal } = useChatWords();
  // Kept in memory while the member looks at another page, like the thread drafts.
  const [text, setText] = useDraft(`chat:${store.roomId}:text`, () => '');
  const [warning, setWarning] = useDraft(`chat:${store.roomId}:warning`, () => initialChoice());
  const [problem, setProblem] = useState<string | null>(null);
  const [warningsOpen, setWarningsOpen] = useState(false);
  const chosen = warning.categories.length;
  // A conversation's store carries the conversation's id where a room's carries the room's.
  const checked = useComposeCheck({ kind: checkAs, placeId: disabled ? undefined : store.roomId, text, chosenWarnings: warning.categories });
  // Mentions are a room's: a private conversation's people are already there.
  const mentions = useMentionAutocomplete({ roomId: checkAs === 'chat' && !disabled ? store.roomId : undefined, value: text, onChange: setText, idPrefix: 'chat-message' });

  async function send(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (disabled) return;
    const body = text;
    if (!body.trim()) {
      setProblem(t('chat.composer.empty'));
      return;
    }
    const warningProblem = choiceProblem(warning, requireWarning);
    if (warningProblem) {
      setProblem(warningProblem);
      setWarningsOpen(true);
      return;
    }
    const sentWarning = warning;
    setText('');
    setWarning(initialChoice());
    setWarningsOpen(false);
    setProblem(null);
    const outcome = await store.send(body, toWarningInput(sentWarning));
    if (outcome.kind === 'refused') {
      // Put the words back unless something new has been typed meanwhile.
      setText((current) => (current ? current : body));
      setWarning((current) => (current.categories.length || current.noneApply || current.note ? current : sentWarning));
      setProblem(refusal(outcome.error));
      if (outcome.error.code === ErrorCode.WarningRequired) setWarningsOpen(true);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentions.handleKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form className="chat-composer" onSubmit={send} noValidate>
      <label htmlFor="chat-message" className="field__label">
        {t('chat.composer.label')}
      </label>
      <p id="chat-message-hint" className="field__hint">
        {t('chat.composer.hint')}
      </p>
      {problem && (
        <p id="chat-message-problem" className="field__error" role="alert">
          {problem}
        </p>
      )}
      <textarea
        id="chat-message"
        name="chat-message"
        className="field__input chat-composer__input"
        rows={2}
        value={text}
        maxLength={CHAT_MESSAGE_MAX_LENGTH}
        disabled={disabled}
        aria-describedby={[problem ? 'chat-message-problem' : '', 'chat-message-hint'].filter(Boolean).join(' ')}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value) store.noteTyping();
          else store.stopTyping();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => store.stopTyping()}
        {...mentions.textarea}
      />
      <MentionSuggestions list={mentions.list} />
      <ComposeCheckPanel
        idPrefix="chat"
        checked={checked}
        chosenWarnings={warning.categories}
        onAddWarning={(category) => setWarning((current) => withCategory(current, category))}
        onEdit={() => document.getElementById('chat-message')?.focus()}
        onSendAsIs={() => void send()}
      />
      <div className="chat-composer__row">
        <details className="chat-composer__warnings" open={warningsOpen} onToggle={(event) => setWarningsOpen(event.currentTarget.open)}>
          <summary>
            {t('cw.gate.title')}{' '}
            {chosen > 0
              ? t('threads.reply.warningsChosen', { count: chosen })
              : warning.noneApply
                ? t('threads.reply.warningsNone')
                : requireWarning
                  ? t('threads.reply.warningsNeeded')
                  : ''}
          </summary>
          {/* Rendered only while open: a second set of topic checkboxes on the room page would confuse. */}
          {warningsOpen && <WarningPicker idPrefix="chat" value={warning} onChange={setWarning} required={requireWarning} />}
        </details>
        <button type="submit" className="button button--primary chat-composer__send" disabled={disabled}>
          {t('common.send')}
        </button>
      </div>
    </form>
  );
}
