import { useLingui } from '@lingui/react';
import type { MessageId, MessageValues } from './message-id';

/** Renders a catalogue message in the active language. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/**
 * `t('language.label')`, or with values `t('error.httpError', { status })`. The function changes identity when the
 * language changes, so memoised values that use it are recomputed on a switch.
 */
export function useT(): Translate {
  return useLingui()._ as Translate;
}
