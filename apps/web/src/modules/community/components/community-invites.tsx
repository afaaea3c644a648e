import type { SiteInviteView } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { StatusMessage } from '../../../shared/ui/status-message';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { createSiteInvite, revokeSiteInvite } from '../api/community-api';
import { useCommunityMutation, useSiteInvites } from '../hooks/use-community';

/** Site invite codes for registering while registration is invite-only. */
export function CommunityInvites() {
  const t = useT();
  const invites = useSiteInvites();
  const [created, setCreated] = useState<SiteInviteView | undefined>();
  const revoke = useCommunityMutation((inviteId: string) => revokeSiteInvite(inviteId));
  const errorText = useErrorText();

  return (
    <section aria-labelledby="invites-heading" className="community-section">
      <h2 id="invites-heading">{t('community.invites.title')}</h2>
      <p className="muted">{t('community.invites.explain')}</p>
      <CreateInvite onCreated={setCreated} />
      {created?.code && <NewCode code={created.code} />}
      <h3>{t('community.invites.existing')}</h3>
      {invites.isPending && <LoadingState label={t('community.invites.loading')} />}
      {invites.isError && <ErrorState error={invites.error} onRetry={() => void invites.refetch()} />}
      {invites.data?.length === 0 && <p className="empty-state">{t('community.invites.none')}</p>}
      {invites.data && invites.data.length > 0 && (
        <ul className="community-list">
          {invites.data.map((invite) => (
            <li key={invite.id} className="community-list__row">
              <span>
                {t('community.invites.uses', { uses: invite.uses, max: invite.maxUses })} ·{' '}
                {invite.revoked ? t('community.invites.revoked') : <>{t('community.invites.expires')} <TimeAgo iso={invite.expiresAt} /></>}
              </span>
              {!invite.revoked && (
                <button type="button" className="button button--small button--quiet" disabled={revoke.isPending} onClick={() => void revoke.mutateAsync(invite.id).catch(() => undefined)}>
                  {t('community.invites.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && <p className="field__error">{errorText(revoke.error)}</p>}
    </section>
  );
}

function CreateInvite({ onCreated }: { onCreated: (invite: SiteInviteView) => void }) {
  const t = useT();
  const form = useFormSubmission();
  const [hours, setHours] = useState('72');
  const [uses, setUses] = useState('1');
  const create = useCommunityMutation(() => createSiteInvite({ expiresInHours: Number(hours), maxUses: Number(uses) }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!(Number(hours) >= 1 && Number(hours) <= 2160)) problems.expiresInHours = t('community.invites.hoursProblem');
    if (!(Number(uses) >= 1 && Number(uses) <= 1000)) problems.maxUses = t('community.invites.usesProblem');
    const invite = await form.submit(problems, () => create.mutateAsync(undefined));
    if (invite) onCreated(invite);
  }

  return (
    <form className="form community-subform" onSubmit={(event) => void submit(event)} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} messages={form.summary} />
      <FormField id="expiresInHours" label={t('community.invites.hours')} type="number" inputMode="numeric" min={1} max={2160} value={hours} onChange={setHours} error={form.fieldErrors.expiresInHours} />
      <FormField id="maxUses" label={t('community.invites.maxUses')} type="number" inputMode="numeric" min={1} max={1000} value={uses} onChange={setUses} error={form.fieldErrors.maxUses} />
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {t('community.invites.create')}
      </button>
    </form>
  );
}

/** Shown once: only the code's hash is kept, so this is the one chance to copy it. */
function NewCode({ code }: { code: string }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  useEffect(() => heading.current?.focus(), [code]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="community-new-code">
      <h3 ref={heading} tabIndex={-1}>
        {t('community.invites.newCode')}
      </h3>
      <p>
        <code data-testid="new-site-invite-code">{code}</code>
      </p>
      <p className="muted">{t('community.invites.shownOnce')}</p>
      <button type="button" className="button" onClick={() => void copy()}>
        {t('community.invites.copy')}
      </button>
      {copied === 'yes' && <StatusMessage tone="success">{t('community.invites.copied')}</StatusMessage>}
      {copied === 'failed' && <StatusMessage>{t('community.invites.copyFailed')}</StatusMessage>}
    </div>
  );
}
