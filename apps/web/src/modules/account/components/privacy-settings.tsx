import type { FormEvent } from 'react';
import { useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useRealtimeConnection } from '../../../shared/realtime/use-realtime';
import type { MemberSettings, MentionChoice } from '../api/account-api';
import { useMemberSettings, useSaveMemberSettings } from '../hooks/use-account';

const MENTION_OPTIONS: { value: MentionChoice; label: string }[] = [
  { value: 'everyone', label: 'Anyone on Kindred' },
  { value: 'rooms', label: 'Only people in rooms I have joined' },
  { value: 'nobody', label: 'Nobody' },
];

/** Who can see that I am here, that I am typing, and who can mention me. */
export function PrivacySettings() {
  const saved = useMemberSettings();
  const save = useSaveMemberSettings();
  const connection = useRealtimeConnection();
  const [draft, setDraft] = useState<MemberSettings | null>(null);

  if (saved.isPending) return <LoadingState label="Loading your choices…" />;
  if (saved.isError) return <ErrorState error={saved.error} onRetry={() => void saved.refetch()} />;

  const value = draft ?? saved.data;
  const changed = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved.data);

  function change(next: Partial<MemberSettings>) {
    save.reset();
    setDraft({ ...value, ...next });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(value, {
      onSuccess: () => {
        setDraft(null);
        // The chat server reads these when a connection opens; reconnect so they apply now.
        connection?.restart();
      },
    });
  }

  return (
    <form onSubmit={onSubmit}>
      <fieldset className="choice-group">
        <legend className="field__label">In live chat</legend>
        <div className="check">
          <input id="show-presence" type="checkbox" checked={value.showPresence} onChange={(event) => change({ showPresence: event.target.checked })} />
          <label htmlFor="show-presence">Show others that I am here</label>
        </div>
        <div className="check">
          <input id="show-typing" type="checkbox" checked={value.showTyping} onChange={(event) => change({ showTyping: event.target.checked })} />
          <label htmlFor="show-typing">Show others when I am typing</label>
        </div>
        <p className="field__hint">With these off you can still read and write as usual; you are just not listed or announced.</p>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">Who may mention me</legend>
        {MENTION_OPTIONS.map((option) => (
          <div key={option.value} className="check">
            <input
              id={`mentions-${option.value}`}
              type="radio"
              name="mentions-from"
              checked={value.mentionsFrom === option.value}
              onChange={() => change({ mentionsFrom: option.value })}
            />
            <label htmlFor={`mentions-${option.value}`}>{option.label}</label>
          </div>
        ))}
        <p className="field__hint">People you have blocked can never mention you.</p>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending || !changed}>
          {save.isPending ? 'Saving…' : 'Save these choices'}
        </button>
      </div>
      <div role="status">{save.isSuccess && <p className="notice notice--success">Saved.</p>}</div>
      {save.isError && (
        <p className="field__error" role="alert">
          {toDisplayError(save.error).message}
        </p>
      )}
    </form>
  );
}
