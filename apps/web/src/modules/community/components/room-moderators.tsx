import type { RoomModeratorView } from '@kindred/contracts';
import { useId, useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { FormField } from '../../../shared/ui/form-field';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { StatusMessage } from '../../../shared/ui/status-message';
import { appointModerator, removeModerator } from '../api/community-api';
import { useCommunityMutation, useMemberSearch, useRoomModerators } from '../hooks/use-community';

/** A room's moderators; admins appoint by searching a handle, and remove. */
export function RoomModerators({ roomId, admin }: { roomId: string; admin: boolean }) {
  const t = useT();
  const moderators = useRoomModerators(roomId);
  const [done, setDone] = useState('');
  const remove = useCommunityMutation((m: RoomModeratorView) => removeModerator(roomId, m.userId).then(() => m));
  const errorText = useErrorText();

  return (
    <section aria-labelledby="room-moderators-heading" className="community-section">
      <h2 id="room-moderators-heading">{t('community.moderators.title')}</h2>
      {done && <StatusMessage tone="success">{done}</StatusMessage>}
      {moderators.isPending && <LoadingState label={t('community.moderators.loading')} />}
      {moderators.isError && <ErrorState error={moderators.error} onRetry={() => void moderators.refetch()} />}
      {moderators.data && moderators.data.length === 0 && <p className="empty-state">{t('community.moderators.none')}</p>}
      {moderators.data && moderators.data.length > 0 && (
        <ul className="community-list">
          {moderators.data.map((moderator) => (
            <li key={moderator.userId} className="community-list__row">
              <span>{moderator.handle}</span>
              {admin && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  disabled={remove.isPending}
                  onClick={() => void remove.mutateAsync(moderator).then((m) => setDone(t('community.moderators.removed', { handle: m.handle }))).catch(() => undefined)}
                >
                  {t('community.moderators.remove', { handle: moderator.handle })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <p className="field__error">{errorText(remove.error)}</p>}
      {admin && <AppointModerator roomId={roomId} onAppointed={(handle) => setDone(t('community.moderators.appointed', { handle }))} />}
    </section>
  );
}

function AppointModerator({ roomId, onAppointed }: { roomId: string; onAppointed: (handle: string) => void }) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const found = useMemberSearch(query);
  const appoint = useCommunityMutation((member: { id: string; handle: string }) => appointModerator(roomId, { userId: member.id }).then(() => member));
  const errorText = useErrorText();

  return (
    <div className="community-search">
      <FormField
        id={`${id}-search`}
        label={t('community.moderators.search')}
        hint={t('community.moderators.searchHint')}
        value={query}
        onChange={setQuery}
        autoCapitalize="none"
        spellCheck={false}
        autoComplete="off"
      />
      {found.data && (
        <ul className="community-list" aria-label={t('community.moderators.results')}>
          {found.data.length === 0 && <li className="muted">{t('community.members.noMatch')}</li>}
          {found.data.map((member) => (
            <li key={member.id} className="community-list__row">
              <span>{member.handle}</span>
              <button
                type="button"
                className="button button--small"
                disabled={appoint.isPending}
                onClick={() =>
                  void appoint
                    .mutateAsync(member)
                    .then((m) => {
                      setQuery('');
                      onAppointed(m.handle);
                    })
                    .catch(() => undefined)
                }
              >
                {t('community.moderators.appoint', { handle: member.handle })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {appoint.isError && <p className="field__error">{errorText(appoint.error)}</p>}
    </div>
  );
}
