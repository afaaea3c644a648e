import { SESSION_DESCRIPTION_MAX_LENGTH, SESSION_MAX_DURATION_MINUTES, SESSION_TITLE_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { FormField } from '../../../shared/ui/form-field';
import { SubmissionForm } from '../../../shared/ui/submission-form';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { useScheduleSession } from '../hooks/use-sessions';

/** The facilitator's own zone, as the browser knows it: the session keeps this local time. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** For facilitators: schedule a session in their own time zone. */
export function ScheduleSessionForm({ roomId, onScheduled }: { roomId: string; onScheduled: (title: string) => void }) {
  const t = useT();
  const form = useFormSubmission();
  const schedule = useScheduleSession(roomId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [localStart, setLocalStart] = useState('');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [duration, setDuration] = useState('60');
  const [weeks, setWeeks] = useState('1');
  const [capacity, setCapacity] = useState('8');
  const [lateJoin, setLateJoin] = useState('10');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (title.trim().length < 3) problems.title = t('sessions.form.titleMissing');
    if (!localStart) problems.localStart = t('sessions.form.startMissing');
    const result = await form.submit(problems, () =>
      schedule.mutateAsync({
        title: title.trim(),
        description: description.trim(),
        localStart: localStart.slice(0, 16),
        timeZone: timeZone.trim(),
        durationMinutes: Number(duration),
        weeks: Number(weeks),
        capacity: Number(capacity),
        lateJoinMinutes: Number(lateJoin),
      }),
    );
    if (!result) return;
    setTitle('');
    setDescription('');
    setLocalStart('');
    onScheduled(result.title);
  }

  return (
    <SubmissionForm submission={form} onSubmit={onSubmit} errorTitle={t('sessions.form.errorTitle')} submitLabel={t('sessions.form.submit')} pendingLabel={t('sessions.form.pending')} className="form schedule-form">
      <FormField id="title" label={t('sessions.form.title')} value={title} onChange={setTitle} error={form.fieldErrors.title} maxLength={SESSION_TITLE_MAX_LENGTH} required />
      <TextareaField id="description" label={t('sessions.form.agenda')} hint={t('sessions.form.agendaHint')} value={description} onChange={setDescription} error={form.fieldErrors.description} maxLength={SESSION_DESCRIPTION_MAX_LENGTH} optional rows={3} />
      <div className="schedule-form__row">
        <FormField id="localStart" type="datetime-local" label={t('sessions.form.start')} value={localStart} onChange={setLocalStart} error={form.fieldErrors.localStart} required />
        <FormField id="timeZone" label={t('sessions.form.zone')} hint={t('sessions.form.zoneHint')} value={timeZone} onChange={setTimeZone} error={form.fieldErrors.timeZone} maxLength={64} autoComplete="off" spellCheck={false} />
      </div>
      <div className="schedule-form__row">
        <FormField id="durationMinutes" type="number" inputMode="numeric" min={15} max={SESSION_MAX_DURATION_MINUTES} label={t('sessions.form.duration')} value={duration} onChange={setDuration} error={form.fieldErrors.durationMinutes} />
        <FormField id="weeks" type="number" inputMode="numeric" min={1} max={52} label={t('sessions.form.weeks')} hint={t('sessions.form.weeksHint')} value={weeks} onChange={setWeeks} error={form.fieldErrors.weeks} />
        <FormField id="capacity" type="number" inputMode="numeric" min={1} max={200} label={t('sessions.form.capacity')} value={capacity} onChange={setCapacity} error={form.fieldErrors.capacity} />
        <FormField id="lateJoinMinutes" type="number" inputMode="numeric" min={0} max={60} label={t('sessions.form.lateJoin')} value={lateJoin} onChange={setLateJoin} error={form.fieldErrors.lateJoinMinutes} />
      </div>
    </SubmissionForm>
  );
}
