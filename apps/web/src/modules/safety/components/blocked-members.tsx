import { HANDLE_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { FormField } from '../../../shared/ui/form-field';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { BlockMemberDialog } from './block-member-dialog';
import { useBlocks, useUnblockMember } from '../hooks/use-blocks';
import { useT } from '../../../shared/i18n/use-t';
import { useAuthorName } from '../../../shared/i18n/author-name';
import { useErrorText } from '../../../shared/i18n/error-text';
import { T } from '../../../shared/i18n/t';

export function BlockedMembers() {
  const t = useT();
  const authorName = useAuthorName();
  const errorText = useErrorText();
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
      setProblem(t('blocks.handleRequired'));
      return;
    }
    setProblem(undefined);
    setConfirming(trimmed);
  }

  return (
    <>
      <p>{t('blocks.intro')}</p>
      <div role="status">{status && <p className="notice notice--success">{status}</p>}</div>
      {blocks.isPending ? (
        <LoadingState label={t('blocks.loading')} />
      ) : blocks.isError ? (
        <ErrorState error={blocks.error} onRetry={() => void blocks.refetch()} />
      ) : blocks.data.length === 0 ? (
        <p className="muted">{t('blocks.none')}</p>
      ) : (
        <ul className="item-list">
          {blocks.data.map((member) => (
            <li key={member.id} className="item-list__row">
              <span>
                <strong>{authorName(member)}</strong>{' '}
                <span className="muted">
                  <T id="blocks.blockedAt" components={{ time: <TimeAgo iso={member.blockedAt} /> }} />
                </span>
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={unblock.isPending}
                onClick={() =>
                  unblock.mutate(member.id, { onSuccess: () => setStatus(t('blocks.unblocked', { handle: authorName(member) })) })
                }
              >
                {t('blocks.unblock')}
                <span className="visually-hidden"> {authorName(member)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unblock.isError && (
        <p className="field__error" role="alert">
          {errorText(unblock.error)}
        </p>
      )}
      <form className="form inline-form" onSubmit={onSubmit} noValidate>
        <FormField
          id="block-handle"
          label={t('blocks.byHandle')}
          value={handle}
          onChange={setHandle}
          error={problem}
          maxLength={HANDLE_MAX_LENGTH}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t('blocks.blockEllipsis')}
        </button>
      </form>
      {confirming && (
        <BlockMemberDialog
          handle={confirming}
          open
          onClose={() => setConfirming(null)}
          onBlocked={(blocked) => {
            setHandle('');
            setStatus(t('blocks.blocked', { handle: blocked }));
          }}
        />
      )}
    </>
  );
}
