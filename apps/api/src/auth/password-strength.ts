import { Worker } from 'node:worker_threads';
import { ErrorCode, PASSWORD_MIN_SCORE, type ApiErrorDetail } from '@kindred/contracts';
import { HttpStatus } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';

/** Words anyone guessing a Kindred member's password would try first. */
const SITE_WORDS = ['kindred', 'survivor', 'survive', 'support', 'healing', 'recovery', 'trauma', 'therapy', 'member', 'password'];

/**
 * Beyond this many characters a password is strong anyway; the estimate's cost grows with
 * length, so longer ones are judged by their first 100.
 */
const CHECKED_LENGTH = 100;

/** An estimate that takes longer than this means the worker is stuck: refuse rather than wait. */
const ESTIMATE_TIMEOUT_MS = 10_000;

interface Estimate {
  score: number;
  warning: string | null;
  warningText: string | null;
  suggestions: { key: string; text: string }[];
}

type Pending = { resolve: (estimate: Estimate) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * zxcvbn runs in one worker thread (password-strength.worker.mjs), started on first use and
 * kept; its dictionaries never enter the main heap. A worker that fails is replaced on the
 * next estimate, and the estimates it had in hand are refused.
 */
class EstimatorWorker {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  estimate(password: string, inputs: string[]): Promise<Estimate> {
    const worker = this.running();
    const id = (this.nextId += 1);
    return new Promise<Estimate>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, new Error('The password check took too long.')), ESTIMATE_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, password: password.slice(0, CHECKED_LENGTH), inputs, maxLength: CHECKED_LENGTH });
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./password-strength.worker.mjs', import.meta.url));
    // An idle worker must not keep the process (or a test run) alive.
    worker.unref();
    worker.on('message', (message: Estimate & { id: number; error?: string }) => this.settle(message.id, message.error ? new Error(message.error) : undefined, message));
    const failed = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const id of [...this.pending.keys()]) this.settle(id, error);
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`The password checker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, error: Error | undefined, estimate?: Estimate): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(estimate!);
  }
}

const estimator = new EstimatorWorker();

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

/** zxcvbn's English texts, but said plainly where its own reads coldly. */
const OWN_WARNINGS: Record<string, string> = {
  userInputs: 'It contains your handle, your email or a word about Kindred, which are guessed first.',
};

/**
 * zxcvbn's estimate of how guessable a new password is, given what an attacker would know
 * (the handle, the email, this site). Below the minimum score the feedback comes back as
 * details: zxcvbn's warning and suggestions, each with a stable code and a short text.
 */
export async function guessabilityProblems(password: string, field: string, inputs: (string | null | undefined)[]): Promise<ApiErrorDetail[]> {
  let estimate: Estimate;
  try {
    estimate = await estimator.estimate(password, userInputs(inputs));
  } catch {
    // Never accept a password unchecked: the person can try again in a moment.
    throw new AppError({ status: HttpStatus.SERVICE_UNAVAILABLE, code: ErrorCode.ServiceUnavailable, message: 'The password could not be checked just now. Please try again.' });
  }
  if (estimate.score >= PASSWORD_MIN_SCORE) return [];
  const { warning } = estimate;
  const warningText = warning ? (OWN_WARNINGS[warning] ?? estimate.warningText) : null;
  return [
    warning && warningText ? { field, code: `password.warning.${warning}`, problem: warningText } : { field, code: 'password.weak', problem: 'This password would be easy to guess.' },
    ...estimate.suggestions.map(({ key, text }) => ({ field, code: `password.suggestion.${key}`, problem: text })),
  ];
}
