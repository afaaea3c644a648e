import type { CrisisResourceInput, SiteSettingsView } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { StatusMessage } from '../../../shared/ui/status-message';
import { setCountryResources } from '../api/community-api';
import { useCommunityMutation } from '../hooks/use-community';

interface Row {
  key: number;
  name: string;
  description: string;
  /** Spanish words, when there are any: members reading in Spanish get them, everyone else English. */
  nameEs: string;
  descriptionEs: string;
  phone: string;
  website: string;
}

let rowKey = 0;
const emptyRow = (): Row => ({ key: (rowKey += 1), name: '', description: '', nameEs: '', descriptionEs: '', phone: '', website: '' });
const inLanguage = (text: CrisisResourceInput['name'], language: 'en' | 'es') => (typeof text === 'string' ? (language === 'en' ? text : '') : (text[language] ?? ''));
/** English always; Spanish beside it only when given. */
const localised = (en: string, es: string) => (es.trim() ? { en: en.trim(), es: es.trim() } : en.trim());
const rowsOf = (list: CrisisResourceInput[] | undefined): Row[] =>
  list?.length
    ? list.map((r) => ({
        key: (rowKey += 1),
        name: inLanguage(r.name, 'en'),
        description: inLanguage(r.description, 'en'),
        nameEs: inLanguage(r.name, 'es'),
        descriptionEs: inLanguage(r.description, 'es'),
        phone: r.phone ?? '',
        website: r.website ?? '',
      }))
    : [emptyRow()];
/** `Samaritans UK` → `samaritans-uk`: a stable id the server asks for. */
const idFrom = (name: string, index: number) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || `resource-${index + 1}`;

/** Crisis resources for one country, replacing the configured list for it (or going back to it). */
export function CrisisResourcesEditor({ settings }: { settings: SiteSettingsView }) {
  const t = useT();
  const id = useId();
  const form = useFormSubmission();
  const [country, setCountry] = useState('');
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const code = country.trim().toUpperCase();
  const save = useCommunityMutation((resources: CrisisResourceInput[] | null) => setCountryResources(code, { resources, reason: reason.trim() }));
  const overridden = Object.keys(settings.crisisOverrides).sort();

  function pick(value: string) {
    setCountry(value);
    setRows(rowsOf(settings.crisisOverrides[value.trim().toUpperCase()]));
  }

  function edit(key: number, change: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  async function submit(reset: boolean) {
    const problems: Record<string, string> = {};
    if (!/^[A-Z]{2}$/.test(code)) problems.country = t('community.crisis.countryProblem');
    if (!reason.trim()) problems.reason = t('community.reasonRequired');
    const resources = rows.map((row, index) => ({
      id: idFrom(row.name, index),
      name: localised(row.name, row.nameEs),
      description: localised(row.description, row.descriptionEs),
      ...(row.phone.trim() ? { phone: row.phone.trim() } : {}),
      ...(row.website.trim() ? { website: row.website.trim() } : {}),
    }));
    if (await form.submit(problems, () => save.mutateAsync(reset ? null : resources))) {
      setSaved(t(reset ? 'community.crisis.reset' : 'community.crisis.saved', { country: code }));
    }
  }

  return (
    <section aria-labelledby="crisis-heading" className="community-section">
      <h2 id="crisis-heading">{t('community.crisis.title')}</h2>
      <p className="muted">{t('community.crisis.explain')}</p>
      {overridden.length > 0 && <p>{t('community.crisis.overridden', { countries: overridden.join(', ') })}</p>}
      {saved && <StatusMessage tone="success">{saved}</StatusMessage>}
      <form
        className="form"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          void submit(false);
        }}
        noValidate
        aria-busy={form.pending}
      >
        <ErrorSummary key={form.attempt} messages={form.summary} />
        <FormField id="country" label={t('community.crisis.country')} hint={t('community.crisis.countryHint')} value={country} onChange={pick} error={form.fieldErrors.country} maxLength={2} autoCapitalize="characters" spellCheck={false} />
        {rows.map((row, index) => (
          <fieldset key={row.key} className="community-subform">
            <legend>{t('community.crisis.resource', { number: index + 1 })}</legend>
            <FormField id={`${id}-name-${row.key}`} label={t('community.crisis.name')} value={row.name} onChange={(name) => edit(row.key, { name })} maxLength={80} />
            <FormField id={`${id}-description-${row.key}`} label={t('community.crisis.description')} value={row.description} onChange={(description) => edit(row.key, { description })} maxLength={300} />
            <FormField id={`${id}-name-es-${row.key}`} label={t('community.crisis.nameEs')} value={row.nameEs} onChange={(nameEs) => edit(row.key, { nameEs })} maxLength={80} optional lang="es" />
            <FormField
              id={`${id}-description-es-${row.key}`}
              label={t('community.crisis.descriptionEs')}
              value={row.descriptionEs}
              onChange={(descriptionEs) => edit(row.key, { descriptionEs })}
              maxLength={300}
              optional
              lang="es"
            />
            <FormField id={`${id}-phone-${row.key}`} label={t('community.crisis.phone')} type="tel" value={row.phone} onChange={(phone) => edit(row.key, { phone })} optional />
            <FormField id={`${id}-website-${row.key}`} label={t('community.crisis.website')} hint={t('community.crisis.websiteHint')} type="url" value={row.website} onChange={(website) => edit(row.key, { website })} optional />
            {rows.length > 1 && (
              <button type="button" className="button button--small button--quiet" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                {t('community.crisis.removeResource', { number: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" className="button button--small" onClick={() => setRows((current) => [...current, emptyRow()])}>
            {t('community.crisis.addResource')}
          </button>
        </p>
        <FormField id={`${id}-reason`} label={t('community.reason')} value={reason} onChange={setReason} error={form.fieldErrors.reason} maxLength={500} required />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={form.pending}>
            {t('community.crisis.save')}
          </button>
          <button type="button" className="button button--quiet" disabled={form.pending} onClick={() => void submit(true)}>
            {t('community.crisis.useConfigured')}
          </button>
        </div>
      </form>
    </section>
  );
}
