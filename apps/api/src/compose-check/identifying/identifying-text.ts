import type { IdentifyingKind } from '@kindred/contracts';
import { findCarPlates } from './car-plates.js';
import { findEmailAddresses } from './email-addresses.js';
import type { FoundSpan } from './found-span.js';
import { findFullNames } from './full-names.js';
import { findPhoneNumbers } from './phone-numbers.js';
import { findSchoolsAndWorkplaces } from './schools-and-workplaces.js';
import { findStreetAddresses } from './street-addresses.js';

export type { FoundSpan } from './found-span.js';

// When two rules claim the same characters, the more specific one speaks: an email's digits
// are not a phone, "12 Rose Street" is not a person called Rose.
const PRIORITY: readonly IdentifyingKind[] = ['email', 'phone', 'street-address', 'school-or-workplace', 'car-plate', 'full-name'];
const RULES: Readonly<Record<IdentifyingKind, (text: string) => FoundSpan[]>> = {
  email: findEmailAddresses,
  phone: findPhoneNumbers,
  'street-address': findStreetAddresses,
  'school-or-workplace': findSchoolsAndWorkplaces,
  'car-plate': findCarPlates,
  'full-name': findFullNames,
};

const overlaps = (a: FoundSpan, b: FoundSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * What in one piece of text could identify its author or someone else, in reading order.
 * Pure and synchronous; the text is never kept.
 */
export function findIdentifyingText(text: string): FoundSpan[] {
  const kept: FoundSpan[] = [];
  for (const kind of PRIORITY) {
    for (const span of RULES[kind](text)) {
      if (!kept.some((k) => overlaps(k, span))) kept.push(span);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
