import type { ContentWarningCategory, WarningPreference } from '@kindred/contracts';
import type { MessageId } from '../../../shared/i18n/message-id';

/** Taxonomy labels by code: the server sends codes, the words are the catalogue's. */
export const CATEGORY_LABELS: Record<ContentWarningCategory, MessageId> = {
  suicide: 'cw.category.suicide',
  'self-harm': 'cw.category.selfHarm',
  'sexual-violence': 'cw.category.sexualViolence',
  'domestic-abuse': 'cw.category.domesticAbuse',
  'emotional-abuse': 'cw.category.emotionalAbuse',
  'child-abuse': 'cw.category.childAbuse',
  violence: 'cw.category.violence',
  'stalking-harassment': 'cw.category.stalkingHarassment',
  'eating-body': 'cw.category.eatingBody',
  'substance-use': 'cw.category.substanceUse',
  'death-grief': 'cw.category.deathGrief',
  'medical-trauma': 'cw.category.medicalTrauma',
  discrimination: 'cw.category.discrimination',
};

export const PREFERENCE_LABELS: Record<WarningPreference, { label: MessageId; hint: MessageId }> = {
  show: { label: 'cw.preference.show', hint: 'cw.preference.showHint' },
  warn: { label: 'cw.preference.warn', hint: 'cw.preference.warnHint' },
  hide: { label: 'cw.preference.hide', hint: 'cw.preference.hideHint' },
};
