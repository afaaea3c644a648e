import { createHmac, randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so codes survive being read aloud or copied by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 10;

/** A fresh code, `ABCDE-FGH23`: 10 characters × 5 bits = 50 bits from the CSPRNG. */
export function newRecoveryCode(): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const chars = [...randomBytes(CODE_CHARS)].map((b) => ALPHABET[b % 32]!);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** What the member typed, in canonical form: case, spaces and dashes do not matter; O→0, I/L→1. */
export function normalizeRecoveryCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_CHARS && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

/**
 * Why HMAC-SHA256 and not argon2id: the codes are random with 50 bits of entropy, so there is
 * no dictionary to slow down, and the server secret (not in the database) keys the hash, so a
 * stolen database alone cannot be searched offline at all. A fast hash also lets the lookup be
 * one indexed, atomic `UPDATE … WHERE code_hash = …` (single use under concurrency) instead of
 * ten slow argon2 verifications per attempt. The member id is mixed in so equal codes on two
 * accounts hash differently.
 */
export function hashRecoveryCode(secret: string, userId: string, normalizedCode: string): string {
  return createHmac('sha256', secret).update(`recovery:${userId}:${normalizedCode}`).digest('hex');
}
