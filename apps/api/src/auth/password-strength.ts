import { PASSWORD_MIN_SCORE, type ApiErrorDetail } from '@kindred/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/** Words anyone guessing a Kindred member's password would try first. */
const SITE_WORDS = ['kindred', 'survivor', 'survive', 'support', 'healing', 'recovery', 'trauma', 'therapy', 'member', 'password'];

/**
 * Beyond this many characters a password is strong anyway; the estimate's cost grows with
 * length and runs on the event loop, so longer ones are judged by their first 100.
 */
const CHECKED_LENGTH = 100;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: ranking the dictionaries takes ~150 ms that start-up need not pay. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    maxLength: CHECKED_LENGTH,
  });
  return estimator;
}

/**
 * What the person chose or gave us, whole, run together and in pieces: "river_stone" →
 * riverstone, river, stone; an email also by its two halves.
 */
function userInputs(inputs: (string | null | undefined)[]): string[] {
  const words = inputs
    .flatMap((input) => (input ? [input, ...input.split('@')] : []))
    .flatMap((text) => [text, text.replace(/[^\p{L}\p{N}]+/gu, ''), ...text.split(/[^\p{L}]+/u)]);
  return [...new Set([...SITE_WORDS, ...words.map((w) => w.toLowerCase()).filter((w) => w.length >= 3)])];
}

type WarningKey = keyof typeof translations.warnings;
type SuggestionKey = keyof typeof translations.suggestions;

/** zxcvbn's English texts, but said plainly where its own reads coldly. */
const WARNINGS: Record<WarningKey, string> = {
  ...translations.warnings,
  userInputs: 'It contains your handle, your email or a word about Kindred, which are guessed first.',
};

/**
 * zxcvbn's estimate of how guessable a new password is, given what an attacker would know
 * (the handle, the email, this site). Below the minimum score the feedback comes back as
 * details: zxcvbn's warning and suggestions, each with a stable code and a short text.
 */
export function guessabilityProblems(password: string, field: string, inputs: (string | null | undefined)[]): ApiErrorDetail[] {
  const { score, feedback } = zxcvbn().check(password, userInputs(inputs));
  if (score >= PASSWORD_MIN_SCORE) return [];
  const warning = feedback.warning as WarningKey | null;
  const suggestions = (feedback.suggestions as SuggestionKey[]).filter((key) => key in translations.suggestions);
  return [
    warning && warning in WARNINGS
      ? { field, code: `password.warning.${warning}`, problem: WARNINGS[warning] }
      : { field, code: 'password.weak', problem: 'This password would be easy to guess.' },
    ...suggestions.map((key) => ({ field, code: `password.suggestion.${key}`, problem: translations.suggestions[key] })),
  ];
}
