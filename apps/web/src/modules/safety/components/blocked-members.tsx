import { HANDLE_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { FormField } from '../../../shared/ui/form-field';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { BlockMemberDialog } from './block-member-dialog';
import { useBlocks, useUnblockMember } from '../hooks/use-blocks';

export function BlockedMembers() {
  const blocks = useBlocks();
  const unblock = useUnblockMember();
  const [handle, setHandle] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = handle.trim();
    if (!trimmed) {
      setProblem('Please type the handle of the member you want to block.');
      return;
    }
    setProblem(undefined);
    setConfirming(trimmed);
  }

  return (
    <>
      <p>Blocking is private: the other person is not told. You stop seeing their threads and posts everywhere.</p>
      <div role="status">{status && <p className="notice notice--success">{status}</p>}</div>
      {blocks.isPending ? (
        <LoadingState label="Loading blocked members…" />
      ) : blocks.isError ? (
        <ErrorState error={blocks.error} onRetry={() => void blocks.refetch()} />
      ) : blocks.data.length === 0 ? (
        <p className="muted">You have not blocked anyone.</p>
      ) : (
        <ul className="item-list">
          {blocks.data.map((member) => (
            <li key={member.id} className="item-list__row">
              <span>
                <strong>{member.handle}</strong>{' '}
                <span className="muted">
                  blocked <TimeAgo iso={member.blockedAt} />
                </span>
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={unblock.isPending}
                onClick={() =>
                  unblock.mutate(member.id, { onSuccess: () => setStatus(`You unblocked ${member.handle}.`) })
                }
              >
                Unblock<span className="visually-hidden"> {member.handle}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unblock.isError && (
        <p className="field__error" role="alert">
          {toDisplayError(unblock.error).message}
        </p>
      )}
      <form className="form inline-form" onSubmit={onSubmit} noValidate>
        <FormField
          id="block-handle"
          label="Block a member by handle"
          value={handle}
          onChange={setHandle}
          error={problem}
          maxLength={HANDLE_MAX_LENGTH}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <button type="submit" className="button">
          Block…
        </button>
      </form>
      {confirming && (
        <BlockMemberDialog
          handle={confirming}
          open
          onClose={() => setConfirming(null)}
          onBlocked={(blocked) => {
            setHandle('');
            setStatus(`You blocked ${blocked}.`);
          }}
        />
      )}
    </>
  );
}
