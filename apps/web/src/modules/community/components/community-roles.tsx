import { ROLES, type CurrentUser, type Role } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { StatusMessage } from '../../../shared/ui/status-message';
import { changeRole } from '../api/community-api';
import { useCommunityMutation, useMemberSearch } from '../hooks/use-community';

export const ROLE_LABELS: Record<Role, MessageId> = {
  member: 'community.roles.member',
  moderator: 'community.roles.moderator',
  admin: 'community.roles.admin',
};

/** Find a member by handle and change their site-wide role, with a reason for the log. */
export function CommunityRoles() {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<CurrentUser | undefined>();
  const [done, setDone] = useState('');
  const found = useMemberSearch(query);

  return (
    <section aria-labelledby="roles-heading" className="community-section">
      <h2 id="roles-heading">{t('community.roles.title')}</h2>
      <p className="muted">{t('community.roles.explain')}</p>
      {done && <StatusMessage tone="success">{done}</StatusMessage>}
      <FormField id={`${id}-search`} label={t('community.roles.search')} value={query} onChange={setQuery} autoCapitalize="none" spellCheck={false} autoComplete="off" />
      {found.data && (
        <ul className="community-list" aria-label={t('community.moderators.results')}>
          {found.data.length === 0 && <li className="muted">{t('community.members.noMatch')}</li>}
          {found.data.map((member) => (
            <li key={member.id} className="community-list__row">
              <span>
                {member.handle} <span className="muted">· {t(ROLE_LABELS[member.role])}</span>
              </span>
              <button type="button" className="button button--small" onClick={() => setChosen(member)} aria-pressed={chosen?.id === member.id}>
                {t('community.roles.choose', { handle: member.handle })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <RoleForm
          key={chosen.id}
          member={chosen}
          onChanged={(handle, role) => {
            setChosen(undefined);
            setQuery('');
            setDone(t('community.roles.changed', { handle, role: t(ROLE_LABELS[role]) }));
          }}
        />
      )}
    </section>
  );
}

function RoleForm({ member, onChanged }: { member: CurrentUser; onChanged: (handle: string, role: Role) => void }) {
  const t = useT();
  const id = useId();
  const form = useFormSubmission();
  const [role, setRole] = useState<Role>(member.role);
  const [reason, setReason] = useState('');
  const change = useCommunityMutation(() => changeRole(member.id, { role, reason: reason.trim() }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = reason.trim() ? {} : { reason: t('community.reasonRequired') };
    const result = await form.submit(problems, () => change.mutateAsync(undefined));
    if (result) onChanged(result.handle, result.role);
  }

  return (
    <form className="form community-subform" onSubmit={(event) => void submit(event)} noValidate aria-busy={form.pending}>
      <h3>{t('community.roles.changeFor', { handle: member.handle })}</h3>
      <ErrorSummary key={form.attempt} messages={form.summary} />
      <fieldset className="field">
        <legend className="field__label">{t('community.roles.role')}</legend>
        {ROLES.map((value) => (
          <div className="check" key={value}>
            <input id={`${id}-${value}`} type="radio" name={`${id}-role`} checked={role === value} onChange={() => setRole(value)} />
            <label htmlFor={`${id}-${value}`}>{t(ROLE_LABELS[value])}</label>
          </div>
        ))}
      </fieldset>
      <FormField id={`${id}-reason`} label={t('community.reason')} value={reason} onChange={setReason} error={form.fieldErrors.reason} maxLength={500} required />
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {t('community.roles.save')}
      </button>
    </form>
  );
}
