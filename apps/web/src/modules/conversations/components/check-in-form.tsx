import type { AuthorView } from '@kindred/contracts';
import { useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { FirstMessageForm } from './first-message-form';

/**
 * A moderator opens a private check-in with a member from a queue item: it reaches them at
 * once, labelled "from the moderation team", under the team's name unless the moderator
 * chooses to give their own.
 */
export function CheckInForm({ member, onCancel }: { member: AuthorView; onCancel: () => void }) {
  const t = useT();
  const [asTeam, setAsTeam] = useState(true);
  const idBase = `check-in-${member.id}`;
  return (
    <>
      <p>{t('conversations.checkIn.lead', { handle: member.handle })}</p>
      <FirstMessageForm
        memberId={member.id}
        idBase={idBase}
        label={t('conversations.checkIn.label')}
        submitLabel={t('conversations.checkIn.send')}
        sentNotice={t('conversations.checkIn.sent')}
        request={{ kind: 'check-in', asTeam }}
        onCancel={onCancel}
        className="queue-form"
      >
        <div className="check">
          <input id={`${idBase}-team`} type="checkbox" checked={asTeam} onChange={(event) => setAsTeam(event.target.checked)} />
          <label htmlFor={`${idBase}-team`}>{t('conversations.checkIn.asTeam')}</label>
        </div>
      </FirstMessageForm>
    </>
  );
}
