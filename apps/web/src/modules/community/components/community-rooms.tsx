import { ROOM_MODERATOR_FIELDS, type RoomDetail, type UpdateRoomRequest } from '@kindred/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../../shared/i18n/use-t';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { StatusMessage } from '../../../shared/ui/status-message';
import { useRoom } from '../../rooms/hooks/use-rooms';
import { createRoom, updateRoom } from '../api/community-api';
import { useCommunityAccess, useCommunityMutation } from '../hooks/use-community';
import { ArchiveRoom } from './archive-room';
import { RoomForm, type RoomFormValues } from './room-form';
import { RoomModerators } from './room-moderators';

/** The rooms this person looks after: every room for admins, their own for room moderators. */
export function CommunityRooms() {
  const t = useT();
  const { admin, rooms } = useCommunityAccess();
  return (
    <section aria-labelledby="community-rooms-heading" className="community-section">
      <h2 id="community-rooms-heading">{t('community.rooms.title')}</h2>
      {admin && (
        <p>
          <AppLink to="/community/rooms/new" className="button button--primary">
            {t('community.rooms.create')}
          </AppLink>
        </p>
      )}
      {rooms.length === 0 ? (
        <p className="empty-state">{t('community.rooms.none')}</p>
      ) : (
        <ul className="community-list">
          {rooms.map((room) => (
            <li key={room.id} className="community-list__row">
              <span>
                {room.name}
                {room.archivedAt && <span className="muted"> · {t('community.rooms.archived')}</span>}
              </span>
              <AppLink to={`/community/rooms/${room.slug}`} aria-label={t('community.rooms.manageRoom', { room: room.name })}>
                {t('community.rooms.manage')}
              </AppLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NewRoom() {
  const t = useT();
  const navigate = useAppNavigate();
  const create = useCommunityMutation((values: RoomFormValues) => createRoom(values));
  return (
    <section aria-labelledby="new-room-heading" className="community-section">
      <h2 id="new-room-heading">{t('community.rooms.create')}</h2>
      <RoomForm
        admin
        submitLabel={t('community.rooms.createSubmit')}
        onSubmit={async (values) => {
          const room = await create.mutateAsync(values);
          navigate(`/community/rooms/${room.slug}`, { state: { notice: t('community.rooms.created', { room: room.name }) } });
        }}
      />
    </section>
  );
}

/** One room: its settings (the moderator's subset, or all for admins), moderators, and archiving. */
export function ManageRoom() {
  const t = useT();
  const { slug } = useParams();
  const { admin } = useCommunityAccess();
  const room = useRoom(slug);
  if (room.isPending) return <LoadingState label={t('community.rooms.loading')} />;
  if (room.isError) return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  return (
    <>
      <h2>{room.data.name}</h2>
      <RoomSettings room={room.data} admin={admin} />
      <RoomModerators roomId={room.data.id} admin={admin} />
      {admin && <ArchiveRoom room={room.data} />}
    </>
  );
}

function RoomSettings({ room, admin }: { room: RoomDetail; admin: boolean }) {
  const t = useT();
  const [saved, setSaved] = useState('');
  const update = useCommunityMutation((body: UpdateRoomRequest) => updateRoom(room.id, body));
  return (
    <section aria-labelledby="room-settings-heading" className="community-section">
      <h3 id="room-settings-heading">{t('community.rooms.settings')}</h3>
      {!admin && <p className="muted">{t('community.rooms.moderatorSubset')}</p>}
      {saved && <StatusMessage tone="success">{saved}</StatusMessage>}
      <RoomForm
        key={room.id}
        room={room}
        admin={admin}
        submitLabel={t('community.rooms.save')}
        onSubmit={async ({ slug: _slug, ...values }, reason) => {
          // A room moderator sends only what they may change; the server refuses the rest anyway.
          const allowed: readonly string[] = ROOM_MODERATOR_FIELDS;
          const body = admin ? values : Object.fromEntries(Object.entries(values).filter(([key]) => allowed.includes(key)));
          await update.mutateAsync({ ...body, ...(reason ? { reason } : {}) });
          setSaved(t('community.rooms.saved'));
        }}
      />
    </section>
  );
}
