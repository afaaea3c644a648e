import { HttpStatus } from '@nestjs/common';
import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type ApiErrorDetail } from '@kindred/contracts';
import argon2 from 'argon2';
import { AppError } from '../common/errors/app-error.js';
import { guessabilityProblems } from './password-strength.js';

/** OWASP's recommended argon2id settings: strong, and fast enough to keep sign-in snappy. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the handle does not exist keeps timing the same. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
  await verifyPassword(await dummyHash, password);
}

/** What an attacker would know about the account: its handle, its email. */
export interface PasswordContext {
  handle?: string;
  email?: string | null;
}

/**
 * What is wrong with a new password, or nothing when it is acceptable: the length bounds,
 * the handle inside it, then zxcvbn's guessability score (details carry its feedback codes).
 */
export async function passwordProblems(password: string, context: PasswordContext, field = 'password'): Promise<ApiErrorDetail[]> {
  const problems: ApiErrorDetail[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push({ field, code: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH }, problem: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.` });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({ field, code: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH }, problem: `Password must be at most ${PASSWORD_MAX_LENGTH} characters.` });
  }
  if (context.handle && password.toLowerCase().includes(context.handle.toLowerCase())) {
    problems.push({ field, code: 'password.containsHandle', problem: 'Password must not contain your handle.' });
  }
  if (problems.length > 0) return problems;
  return guessabilityProblems(password, field, [context.handle, context.email]);
}

/** The refusal for a new password, or nothing: one code (WEAK_PASSWORD), the feedback as details. */
export async function weakPasswordError(password: string, context: PasswordContext, field = 'password'): Promise<AppError | undefined> {
  const problems = await passwordProblems(password, context, field);
  if (problems.length === 0) return undefined;
  const guessable = problems.some((p) => p.code?.startsWith('password.warning.') || p.code === 'password.weak');
  const message = guessable ? 'Please choose a password that is harder to guess.' : problems[0]!.problem;
  return new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.WeakPassword, message, details: problems });
}

/** Refuses (400) unless `password` is the member's current one: sensitive changes ask again. */
export async function requireCurrentPassword(hash: string, password: string, field = 'currentPassword'): Promise<void> {
  if (await verifyPassword(hash, password)) return;
  throw new AppError({
    status: HttpStatus.BAD_REQUEST,
    code: ErrorCode.InvalidCredentials,
    message: 'Your current password is not right.',
    details: [{ field, code: 'password.notCurrent', problem: 'This is not your current password.' }],
  });
}
