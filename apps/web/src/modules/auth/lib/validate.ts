import {
  HANDLE_MAX_LENGTH,
  HANDLE_MIN_LENGTH,
  HANDLE_PATTERN_SOURCE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@kindred/contracts';

// Early, friendly hints that mirror the contracts; the server still decides.
const HANDLE_PATTERN = new RegExp(HANDLE_PATTERN_SOURCE);

export const HANDLE_RULES =
  `${HANDLE_MIN_LENGTH}–${HANDLE_MAX_LENGTH} characters: letters, numbers, _ or -.`;
export const PASSWORD_RULES = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`;

export function handleProblem(handle: string): string | undefined {
  if (handle.length === 0) return 'Please choose a handle.';
  if (handle.length < HANDLE_MIN_LENGTH) return `Use at least ${HANDLE_MIN_LENGTH} characters.`;
  if (handle.length > HANDLE_MAX_LENGTH) return `Use at most ${HANDLE_MAX_LENGTH} characters.`;
  if (!HANDLE_PATTERN.test(handle)) return 'Use only letters, numbers, _ or -.';
  return undefined;
}

export function newPasswordProblem(password: string): string | undefined {
  if (password.length === 0) return 'Please choose a password.';
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return undefined;
}

export function confirmProblem(password: string, confirm: string): string | undefined {
  if (confirm.length === 0) return 'Please type the password again.';
  return confirm === password ? undefined : 'The two passwords do not match.';
}

/** Drops empty entries so a form can tell whether anything needs fixing. */
export function compact(problems: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems)) if (problem) result[field] = problem;
  return result;
}
