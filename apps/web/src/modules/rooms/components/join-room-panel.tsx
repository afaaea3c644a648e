import type { JoinOutcome, RoomDetail } from '@kindred/contracts';
import { ErrorCode, JOIN_REQUEST_MESSAGE_MAX_LENGTH, JoinPolicy } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { ApiRequestError } from '../../../shared/lib/api-client';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { FormField } from '../../../shared/ui/form-field';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { useJoinRoom } from '../hooks/use-rooms';
import { RoomGuidelines } from './room-guidelines';
import { SubmissionForm } from '../../../shared/ui/submission-form';

const SUBMIT_LABELS: Record<JoinPolicy, MessageId> = {
  open: 'rooms.join.submitOpen',
  request: 'rooms.join.submitRequest',
  invite: 'rooms.join.submitInvite',
};

interface JoinRoomPanelProps {
  room: RoomDetail;
  onDone: (outcome: JoinOutcome) => void;
}

/**
 * Joining always starts with the room's guidelines and an explicit "I accept": the API
 * refuses a join without it, and people should know a room's rules before they speak.
 */
export function JoinRoomPanel({ room, onDone }: JoinRoomPanelProps) {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const form = useFormSubmission();
  const join = useJoinRoom(room.id);
  const [accepted, setAccepted] = useState(false);
  const [message, setMessage] = useState('');
  const [inviteCode, setInviteCode] = useState('');

  if (room.viewer.joinRequestPending) {
    return (
      <div className="notice" role="status">
        <p>{t('rooms.join.pending')}</p>
      </div>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (room.joinPolicy === JoinPolicy.Invite && !inviteCode.trim()) {
      problems.inviteCode = t('rooms.invite.missing');
    }
    if (!accepted) problems.acceptGuidelines = t('rooms.join.acceptMissing');
    const result = await form.submit(problems, () =>
      join
        .mutateAsync({
          acceptGuidelines: true,
          ...(room.joinPolicy === JoinPolicy.Invite ? { inviteCode: inviteCode.trim() } : {}),
          ...(room.joinPolicy === JoinPolicy.Request && message.trim() ? { message: message.trim() } : {}),
        })
        .catch((cause: unknown) => {
          // The server names no field for a bad code; put the message next to the code box.
          if (cause instanceof ApiRequestError && cause.error.code === ErrorCode.InviteInvalid) {
            throw new ApiRequestError({
              ...cause.error,
              details: [{ field: 'inviteCode', problem: errorText(cause) }],
            });
          }
          throw cause;
        }),
    );
    if (result) onDone(result.outcome);
  }

  return (
    <SubmissionForm submission={form} onSubmit={onSubmit} errorTitle={t('rooms.join.errorTitle')} submitLabel={t(SUBMIT_LABELS[room.joinPolicy])} pendingLabel={t('rooms.oneMoment')} className="join-panel" primary>
      <RoomGuidelines room={room} headingId={`${id}-guidelines`} />
      {room.joinPolicy === JoinPolicy.Invite && (
        <FormField
          id={`${id}-invite`}
          label={t('rooms.invite.label')}
          hint={t('rooms.invite.hint')}
          value={inviteCode}
          onChange={setInviteCode}
          error={form.fieldErrors.inviteCode}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
        />
      )}
      {room.joinPolicy === JoinPolicy.Request && (
        <TextareaField
          id={`${id}-message`}
          label={t('rooms.join.noteLabel')}
          optional
          hint={t('rooms.join.noteHint')}
          value={message}
          onChange={setMessage}
          error={form.fieldErrors.message}
          maxLength={JOIN_REQUEST_MESSAGE_MAX_LENGTH}
          rows={3}
        />
      )}
      <div className="field">
        {form.fieldErrors.acceptGuidelines && (
          <p id={`${id}-accept-error`} className="field__error">
            {form.fieldErrors.acceptGuidelines}
          </p>
        )}
        <div className="check">
          <input
            id={`${id}-accept`}
            type="checkbox"
            checked={accepted}
            onChange={(event) => setAccepted(event.target.checked)}
            aria-invalid={form.fieldErrors.acceptGuidelines ? true : undefined}
            aria-describedby={form.fieldErrors.acceptGuidelines ? `${id}-accept-error` : undefined}
          />
          <label htmlFor={`${id}-accept`}>{t('rooms.join.accept')}</label>
        </div>
      </div>
    </SubmissionForm>
  );
}
