import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type ApiErrorDetail } from '@kindred/contracts';
import argon2 from 'argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';

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

/** Returns what is wrong with a new password, or nothing when it is acceptable. */
export function passwordProblems(password: string, handle?: string): ApiErrorDetail[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push('is one of the most commonly used passwords; choose something less guessable');
  else if (/^(.)\1+$/.test(password)) problems.push('must not be one repeated character');
  if (handle && lower.includes(handle.toLowerCase())) problems.push('must not contain your handle');
  return problems.map((problem) => ({ field: 'password', problem: `Password ${problem}.` }));
}
