import { spansOf, type FoundSpan } from './found-span.js';

// Needs a name before the @ and a dotted domain after, so a handle ("@quietfern") is not one.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

export function findEmailAddresses(text: string): FoundSpan[] {
  return spansOf('email', EMAIL, text);
}
