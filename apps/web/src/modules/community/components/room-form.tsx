import {
  JoinPolicy,
  MAX_PREMODERATED_POSTS,
  MAX_SLOW_MODE_SECONDS,
  ROOM_DESCRIPTION_MAX_LENGTH,
  ROOM_GUIDELINES_MAX_LENGTH,
  ROOM_NAME_MAX_LENGTH,
  ROOM_SLUG_MAX_LENGTH,
  ROOM_SLUG_PATTERN_SOURCE,
  RoomVisibility,
  type CreateRoomRequest,
  type RoomDetail,
} from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FieldFrame } from '../../../shared/ui/field-frame';
import { FormField } from '../../../shared/ui/form-field';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { JOIN_POLICY_LABELS } from '../../rooms/lib/join-policy';

export type RoomFormValues = Omit<CreateRoomRequest, 'defaultWarnings'>;

interface RoomFormProps {
  /** Absent when creating. */
  room?: RoomDetail;
  /** Admins change everything; a room moderator the words, join policy and slow mode. */
  admin: boolean;
  submitLabel: string;
  onSubmit: (values: RoomFormValues, reason: string | undefined) => Promise<unknown>;
}

const VISIBILITY_LABELS = { listed: 'community.room.visibility.listed', hidden: 'community.room.visibility.hidden' } as const;

/** Create or edit a room; staff-only fields are simply not offered to room moderators. */
export function RoomForm({ room, admin, submitLabel, onSubmit }: RoomFormProps) {
  const t = useT();
  const id = useId();
  const form = useFormSubmission();
  const [slug, setSlug] = useState('');
  const [name, setName] = useState(room?.name ?? '');
  const [description, setDescription] = useState(room?.description ?? '');
  const [guidelines, setGuidelines] = useState(room?.guidelines ?? '');
  const [visibility, setVisibility] = useState<RoomVisibility>(room?.visibility ?? RoomVisibility.Listed);
  const [joinPolicy, setJoinPolicy] = useState<JoinPolicy>(room?.joinPolicy ?? JoinPolicy.Open);
  const [requireWarning, setRequireWarning] = useState(room?.requireContentWarning ?? false);
  const [premoderate, setPremoderate] = useState(String(room?.premoderateFirstPosts ?? 0));
  const [slowMode, setSlowMode] = useState(String(room?.threadSlowModeSeconds ?? 0));
  const [reason, setReason] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!room && !new RegExp(ROOM_SLUG_PATTERN_SOURCE).test(slug)) problems.slug = t('community.room.slugProblem');
    if (admin && name.trim().length < 3) problems.name = t('community.room.nameProblem');
    const values: RoomFormValues = {
      slug,
      name: name.trim(),
      description: description.trim(),
      guidelines,
      visibility,
      joinPolicy,
      requireContentWarning: requireWarning,
      premoderateFirstPosts: Number(premoderate),
      threadSlowModeSeconds: Number(slowMode),
    };
    await form.submit(problems, () => onSubmit(values, reason.trim() || undefined));
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} messages={form.summary} />
      {!room && (
        <FormField
          id="slug"
          label={t('community.room.slug')}
          hint={t('community.room.slugHint')}
          value={slug}
          onChange={(value) => setSlug(value.toLowerCase())}
          error={form.fieldErrors.slug}
          maxLength={ROOM_SLUG_MAX_LENGTH}
          autoCapitalize="none"
          spellCheck={false}
          required
        />
      )}
      {admin && (
        <FormField id="name" label={t('community.room.name')} value={name} onChange={setName} error={form.fieldErrors.name} maxLength={ROOM_NAME_MAX_LENGTH} required />
      )}
      <TextareaField
        id="description"
        label={t('community.room.description')}
        value={description}
        onChange={setDescription}
        error={form.fieldErrors.description}
        maxLength={ROOM_DESCRIPTION_MAX_LENGTH}
        rows={3}
      />
      <TextareaField
        id="guidelines"
        label={t('community.room.guidelines')}
        hint={t('community.room.guidelinesHint')}
        value={guidelines}
        onChange={setGuidelines}
        error={form.fieldErrors.guidelines}
        maxLength={ROOM_GUIDELINES_MAX_LENGTH}
        rows={6}
      />
      {admin && (
        <fieldset className="field">
          <legend className="field__label">{t('community.room.visibility')}</legend>
          {Object.values(RoomVisibility).map((value) => (
            <div className="check" key={value}>
              <input id={`${id}-visibility-${value}`} type="radio" name="visibility" checked={visibility === value} onChange={() => setVisibility(value)} />
              <label htmlFor={`${id}-visibility-${value}`}>{t(VISIBILITY_LABELS[value])}</label>
            </div>
          ))}
        </fieldset>
      )}
      <FieldFrame id="joinPolicy" label={t('community.room.joinPolicy')} error={form.fieldErrors.joinPolicy}>
        {(aria) => (
          <select id="joinPolicy" className="field__input" value={joinPolicy} onChange={(event) => setJoinPolicy(event.target.value as JoinPolicy)} {...aria}>
            {Object.values(JoinPolicy).map((policy) => (
              <option key={policy} value={policy}>
                {t(JOIN_POLICY_LABELS[policy])}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {admin && (
        <div className="field">
          <div className="check">
            <input id={`${id}-require-warning`} type="checkbox" checked={requireWarning} onChange={(event) => setRequireWarning(event.target.checked)} />
            <label htmlFor={`${id}-require-warning`}>{t('community.room.requireWarning')}</label>
          </div>
        </div>
      )}
      {admin && (
        <FormField
          id="premoderateFirstPosts"
          label={t('community.room.premoderate')}
          hint={t('community.room.premoderateHint', { max: MAX_PREMODERATED_POSTS })}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_PREMODERATED_POSTS}
          value={premoderate}
          onChange={setPremoderate}
          error={form.fieldErrors.premoderateFirstPosts}
        />
      )}
      <FormField
        id="threadSlowModeSeconds"
        label={t('community.room.slowMode')}
        hint={t('community.room.slowModeHint', { max: MAX_SLOW_MODE_SECONDS })}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_SLOW_MODE_SECONDS}
        value={slowMode}
        onChange={setSlowMode}
        error={form.fieldErrors.threadSlowModeSeconds}
      />
      {room && <FormField id="reason" label={t('community.reason')} hint={t('community.reasonHint')} value={reason} onChange={setReason} error={form.fieldErrors.reason} optional maxLength={500} />}
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {submitLabel}
      </button>
    </form>
  );
}
