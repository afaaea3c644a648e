import type { ChatError, ChatRoomState } from '@kindred/contracts';
import { CHAT_NOTICE_MAX_LENGTH, MODERATION_REASON_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { describeSeconds, useChatWords } from '../lib/describe';
import type { RoomChatStore } from '../lib/room-chat-store';

const SLOW_MODE_CHOICES = [0, 10, 30, 60, 120, 300];

/** Room-wide chat controls for its moderators; each change is logged with who made it. */
export function ChatModeratorControls({ store, state }: { store: RoomChatStore; state: ChatRoomState }) {
  const { t, refusal } = useChatWords();
  const [seconds, setSeconds] = useState(String(state.slowModeSeconds));
  const [lockReason, setLockReason] = useState('');
  const [notice, setNotice] = useState(state.pinnedNotice ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const choices = SLOW_MODE_CHOICES.includes(state.slowModeSeconds) ? SLOW_MODE_CHOICES : [...SLOW_MODE_CHOICES, state.slowModeSeconds].sort((a, b) => a - b);

  async function run(work: () => Promise<ChatError | null>, done: string) {
    setBusy(true);
    setStatus('');
    setProblem('');
    const error = await work();
    setBusy(false);
    if (error) setProblem(refusal(error));
    else setStatus(done);
  }

  function onSlowMode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(seconds);
    void run(() => store.setSlowMode(value), value > 0 ? t('chat.mod.slowOn', { every: describeSeconds(value, t) }) : t('chat.mod.slowOff'));
  }

  function onLock(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = lockReason.trim();
    if (reason.length < 3) {
      setProblem(t('chat.mod.reasonNeeded'));
      return;
    }
    const locking = !state.locked;
    void run(async () => {
      const error = await store.setLocked(locking, reason);
      if (!error) setLockReason('');
      return error;
    }, t(locking ? 'chat.mod.locked' : 'chat.mod.unlocked'));
  }

  function saveNotice(text: string | null) {
    void run(async () => {
      const error = await store.setNotice(text);
      if (!error && !text) setNotice('');
      return error;
    }, t(text ? 'chat.mod.noticePinned' : 'chat.mod.noticeCleared'));
  }

  return (
    <details className="disclosure chat-mod">
      <summary>{t('chat.mod.heading')}</summary>
      <div className="chat-mod__body">
        <form className="chat-mod__form" onSubmit={onSlowMode}>
          <label htmlFor="chat-slow-mode" className="field__label field__label--small">
            {t('chat.mod.slowMode')}
          </label>
          <div className="chat-mod__inline">
            <select id="chat-slow-mode" className="field__input" value={seconds} onChange={(event) => setSeconds(event.target.value)}>
              {choices.map((value) => (
                <option key={value} value={value}>
                  {value === 0 ? t('chat.mod.slowModeOff') : t('chat.mod.slowModeEvery', { every: describeSeconds(value, t) })}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small" disabled={busy}>
              {t('chat.mod.set')}
            </button>
          </div>
        </form>
        <form className="chat-mod__form" onSubmit={onLock}>
          <label htmlFor="chat-lock-reason" className="field__label field__label--small">
            {t(state.locked ? 'chat.mod.reopenLabel' : 'chat.mod.lockLabel')}
          </label>
          <input
            id="chat-lock-reason"
            className="field__input"
            placeholder={t('chat.mod.reasonPlaceholder')}
            value={lockReason}
            maxLength={MODERATION_REASON_MAX_LENGTH}
            onChange={(event) => setLockReason(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={busy}>
            {t(state.locked ? 'chat.mod.reopen' : 'chat.mod.lock')}
          </button>
        </form>
        <form
          className="chat-mod__form"
          onSubmit={(event) => {
            event.preventDefault();
            saveNotice(notice.trim() || null);
          }}
        >
          <label htmlFor="chat-notice" className="field__label field__label--small">
            {t('chat.mod.notice')}
          </label>
          <textarea
            id="chat-notice"
            className="field__input chat-mod__notice"
            rows={2}
            value={notice}
            maxLength={CHAT_NOTICE_MAX_LENGTH}
            onChange={(event) => setNotice(event.target.value)}
          />
          <div className="button-row button-row--tight">
            <button type="submit" className="button button--small" disabled={busy}>
              {t('chat.mod.pinNotice')}
            </button>
            {state.pinnedNotice && (
              <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => saveNotice(null)}>
                {t('chat.mod.clearNotice')}
              </button>
            )}
          </div>
        </form>
        <div role="status">{status && <p className="notice notice--success">{status}</p>}</div>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </details>
  );
}
