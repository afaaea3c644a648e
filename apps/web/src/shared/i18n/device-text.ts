import type { DeviceKind } from '@kindred/contracts';
import type { Translate } from './use-t';

/**
 * "Firefox on Android" in the active language. Product names stay as they are; the words
 * around them, and "unknown" for what the server did not recognise, are the catalogue's.
 */
export function deviceText({ browser, system }: DeviceKind, t: Translate): string {
  return t('device.label', { browser: browser ?? t('device.unknownBrowser'), system: system ?? t('device.unknownSystem') });
}
