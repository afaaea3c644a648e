import { useState } from 'react';
import { detailText, errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { fieldProblems, toDisplayError } from './api-client';

export interface FormSubmission {
  pending: boolean;
  /** Problems keyed by field name, from the client checks or the server's `details`. */
  fieldErrors: Record<string, string>;
  /** Messages for the alert summary above the form. */
  summary: string[];
  /** Changes on every failed attempt so the summary is re-announced. */
  attempt: number;
  /**
   * Shows `problems` if there are any; otherwise runs `action` and shows what the server
   * says if it fails. Resolves to the action's result, or undefined when it did not succeed.
   */
  submit: <T>(problems: Record<string, string>, action: () => Promise<T>) => Promise<T | undefined>;
}

export function useFormSubmission(): FormSubmission {
  const t = useT();
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  async function submit<T>(
    problems: Record<string, string>,
    action: () => Promise<T>,
  ): Promise<T | undefined> {
    if (pending) return undefined;
    if (Object.keys(problems).length > 0) {
      setFieldErrors(problems);
      setSummary(Object.values(problems));
      setAttempt((n) => n + 1);
      return undefined;
    }
    setPending(true);
    setFieldErrors({});
    setSummary([]);
    try {
      return await action();
    } catch (cause) {
      const error = toDisplayError(cause);
      const { byField, general } = fieldProblems(error, (detail) => detailText(detail, t));
      setFieldErrors(byField);
      setSummary([errorText(error, t), ...general]);
      setAttempt((n) => n + 1);
      return undefined;
    } finally {
      setPending(false);
    }
  }

  return { pending, fieldErrors, summary, attempt, submit };
}
