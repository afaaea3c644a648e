import { ErrorCode } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { ApiRequestError } from '../../../shared/lib/api-client';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { FormField } from '../../../shared/ui/form-field';
import { useRedeemInvite } from '../hooks/use-rooms';
import { SubmissionForm } from '../../../shared/ui/submission-form';

/**
 * Some rooms are unlisted: only an invite code leads there. The code alone says which room,
 * so nothing about the room is shown before the member has it.
 */
export function InviteCodeForm() {
  const t = useT();
  const errorText = useErrorText();
  const form = useFormSubmission();
  const redeem = useRedeemInvite();
  const navigate = useAppNavigate();
  const [code, setCode] = useState('');
  const [accepted, setAccepted] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!code.trim()) problems.code = t('rooms.invite.missing');
    if (!accepted) problems.acceptGuidelines = t('rooms.invite.acceptMissing');
    const result = await form.submit(problems, () =>
      redeem.mutateAsync({ code: code.trim(), acceptGuidelines: true }).catch((cause: unknown) => {
        if (cause instanceof ApiRequestError && cause.error.code === ErrorCode.InviteInvalid) {
          throw new ApiRequestError({ ...cause.error, details: [{ field: 'code', problem: errorText(cause) }] });
        }
        throw cause;
      }),
    );
    if (!result) return;
    navigate(`/rooms/${result.room.slug}`, {
      state: {
        notice: t('rooms.invite.welcome', { name: result.room.name }),
      },
    });
  }

  return (
    <SubmissionForm submission={form} onSubmit={onSubmit} errorTitle={t('rooms.join.errorTitle')} submitLabel={t('rooms.join.submitInvite')} pendingLabel={t('rooms.oneMoment')} className="form inline-form invite-form">
      <FormField
        id="invite-code"
        label={t('rooms.invite.label')}
        hint={t('rooms.invite.hint')}
        value={code}
        onChange={setCode}
        error={form.fieldErrors.code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
      />
      <div className="field invite-form__accept">
        {form.fieldErrors.acceptGuidelines && (
          <p id="invite-accept-error" className="field__error">
            {form.fieldErrors.acceptGuidelines}
          </p>
        )}
        <div className="check">
          <input
            id="invite-accept"
            type="checkbox"
            checked={accepted}
            onChange={(event) => setAccepted(event.target.checked)}
            aria-invalid={form.fieldErrors.acceptGuidelines ? true : undefined}
            aria-describedby={form.fieldErrors.acceptGuidelines ? 'invite-accept-error' : undefined}
          />
          <label htmlFor="invite-accept">{t('rooms.invite.accept')}</label>
        </div>
      </div>
    </SubmissionForm>
  );
}
