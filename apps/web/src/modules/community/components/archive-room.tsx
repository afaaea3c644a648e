import type { RoomDetail } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { StatusMessage } from '../../../shared/ui/status-message';
import { setRoomArchived } from '../api/community-api';
import { useCommunityMutation } from '../hooks/use-community';

/** Archive (never delete) or restore a room, with a reason for the moderation log. */
export function ArchiveRoom({ room }: { room: RoomDetail }) {
  const t = useT();
  const form = useFormSubmission();
  const archived = !!room.archivedAt;
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const change = useCommunityMutation((why: string) => setRoomArchived(room.id, !archived, { reason: why }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = reason.trim() ? {} : { reason: t('community.reasonRequired') };
    const ok = await form.submit(problems, () => change.mutateAsync(reason.trim()).then(() => true));
    if (ok) {
      setReason('');
      setDone(t(archived ? 'community.archive.restored' : 'community.archive.archived'));
    }
  }

  return (
    <section aria-labelledby="archive-heading" className="community-section">
      <h2 id="archive-heading">{t(archived ? 'community.archive.restoreTitle' : 'community.archive.title')}</h2>
      {done && <StatusMessage tone="success">{done}</StatusMessage>}
      <p className="muted">{t(archived ? 'community.archive.restoreExplain' : 'community.archive.explain')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={form.pending}>
        <ErrorSummary key={form.attempt} messages={form.summary} />
        <FormField id="archive-reason" label={t('community.reason')} value={reason} onChange={setReason} error={form.fieldErrors.reason} maxLength={500} required />
        <button type="submit" className="button" disabled={form.pending}>
          {t(archived ? 'community.archive.restore' : 'community.archive.archive')}
        </button>
      </form>
    </section>
  );
}
