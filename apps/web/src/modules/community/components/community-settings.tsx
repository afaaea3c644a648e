import { REGISTRATION_MODES, type RegistrationMode, type SiteSettingsView } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { StatusMessage } from '../../../shared/ui/status-message';
import { updateSiteSettings } from '../api/community-api';
import { useCommunityMutation, useSiteSettings } from '../hooks/use-community';
import { CrisisResourcesEditor } from './crisis-resources-editor';

const MODE_LABELS: Record<RegistrationMode, MessageId> = {
  open: 'community.settings.mode.open',
  'invite-only': 'community.settings.mode.inviteOnly',
  closed: 'community.settings.mode.closed',
};

/** Registration mode, the demo-data notice, and crisis resources per country. */
export function CommunitySettings() {
  const t = useT();
  const settings = useSiteSettings();
  if (settings.isPending) return <LoadingState label={t('community.settings.loading')} />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <>
      {/* Mounted once: after saving, the form already shows what was saved (and keeps its "saved" note). */}
      <SiteForm settings={settings.data} />
      <CrisisResourcesEditor settings={settings.data} />
    </>
  );
}

function SiteForm({ settings }: { settings: SiteSettingsView }) {
  const t = useT();
  const id = useId();
  const form = useFormSubmission();
  const [mode, setMode] = useState<RegistrationMode>(settings.registrationMode);
  const [demoNotice, setDemoNotice] = useState(settings.demoNotice);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const save = useCommunityMutation(() => updateSiteSettings({ registrationMode: mode, demoNotice, reason: reason.trim() }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = reason.trim() ? {} : { reason: t('community.reasonRequired') };
    if (await form.submit(problems, () => save.mutateAsync(undefined))) {
      setReason('');
      setSaved(t('community.settings.saved'));
    }
  }

  return (
    <section aria-labelledby="site-settings-heading" className="community-section">
      <h2 id="site-settings-heading">{t('community.settings.title')}</h2>
      {saved && <StatusMessage tone="success">{saved}</StatusMessage>}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={form.pending}>
        <ErrorSummary key={form.attempt} messages={form.summary} />
        <fieldset className="field">
          <legend className="field__label">{t('community.settings.registration')}</legend>
          {REGISTRATION_MODES.map((value) => (
            <div className="check" key={value}>
              <input id={`${id}-${value}`} type="radio" name={`${id}-mode`} checked={mode === value} onChange={() => setMode(value)} />
              <label htmlFor={`${id}-${value}`}>{t(MODE_LABELS[value])}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <div className="check">
            <input id={`${id}-demo`} type="checkbox" checked={demoNotice} onChange={(event) => setDemoNotice(event.target.checked)} />
            <label htmlFor={`${id}-demo`}>{t('community.settings.demoNotice')}</label>
          </div>
        </div>
        <FormField id={`${id}-reason`} label={t('community.reason')} value={reason} onChange={setReason} error={form.fieldErrors.reason} maxLength={500} required />
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {t('community.settings.save')}
        </button>
      </form>
    </section>
  );
}
