import {
  HANDLE_MAX_LENGTH,
  HANDLE_MIN_LENGTH,
  HANDLE_PATTERN_SOURCE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@kindred/contracts';
import type { Translate } from '../../../shared/i18n/use-t';

// Early, friendly hints that mirror the contracts; the server still decides.
const HANDLE_PATTERN = new RegExp(HANDLE_PATTERN_SOURCE);

export const handleRules = (t: Translate) => t('account.handleRules', { min: HANDLE_MIN_LENGTH, max: HANDLE_MAX_LENGTH });
export const passwordRules = (t: Translate) => t('account.passwordRules', { min: PASSWORD_MIN_LENGTH });

export function handleProblem(handle: string, t: Translate): string | undefined {
  if (handle.length === 0) return t('account.chooseHandle');
  if (handle.length < HANDLE_MIN_LENGTH) return t('account.atLeast', { count: HANDLE_MIN_LENGTH });
  if (handle.length > HANDLE_MAX_LENGTH) return t('account.atMost', { count: HANDLE_MAX_LENGTH });
  if (!HANDLE_PATTERN.test(handle)) return t('account.handleCharacters');
  return undefined;
}

export function newPasswordProblem(password: string, t: Translate): string | undefined {
  if (password.length === 0) return t('account.choosePassword');
  if (password.length < PASSWORD_MIN_LENGTH) return t('account.atLeast', { count: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) return t('account.atMost', { count: PASSWORD_MAX_LENGTH });
  return undefined;
}

export function confirmProblem(password: string, confirm: string, t: Translate): string | undefined {
  if (confirm.length === 0) return t('account.typeAgain');
  return confirm === password ? undefined : t('account.noMatch');
}

/** Drops empty entries so a form can tell whether anything needs fixing. */
export function compact(problems: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems)) if (problem) result[field] = problem;
  return result;
}
