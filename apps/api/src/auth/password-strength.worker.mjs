/**
 * zxcvbn in a worker thread. Its dictionaries hold ~30 MB of heap (a third of an idle
 * server's) that every major GC of the main thread would mark again, and one estimate takes
 * 15–75 ms of CPU that must not stall chat and requests on the event loop. Plain JavaScript so
 * that the same file runs from src (tests) and dist (tsc copies it with allowJs).
 *
 * Message in: { id, password, inputs, maxLength }. Out: { id, score, warning, warningText,
 * suggestions: [{ key, text }] } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

const estimators = new Map();
/** One estimator per length limit (there is one in practice); ranking the dictionaries takes ~150 ms. */
function estimator(maxLength) {
  if (!estimators.has(maxLength)) {
    estimators.set(maxLength, new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...englishDictionary }, graphs: adjacencyGraphs, maxLength }));
  }
  return estimators.get(maxLength);
}

parentPort.on('message', ({ id, password, inputs, maxLength }) => {
  try {
    const { score, feedback } = estimator(maxLength).check(password, inputs);
    const warning = feedback.warning ?? null;
    parentPort.postMessage({
      id,
      score,
      warning,
      warningText: warning ? (translations.warnings[warning] ?? null) : null,
      suggestions: feedback.suggestions.filter((key) => key in translations.suggestions).map((key) => ({ key, text: translations.suggestions[key] })),
    });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
