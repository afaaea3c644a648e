import { useState } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { PasskeyCeremonyError } from './passkey-ceremony';

/**
 * A form submission whose action may also fail in the browser (cancelled, no passkey): those
 * problems are shown in the member's words like the server's.
 */
export function usePasskeyAction() {
  const t = useT();
  const form = useFormSubmission();
  const [browserProblem, setBrowserProblem] = useState<MessageId | undefined>();

  async function run<T>(problems: Record<string, string>, action: () => Promise<T>): Promise<T | undefined> {
    setBrowserProblem(undefined);
    return form.submit(problems, async () => {
      try {
        return await action();
      } catch (cause) {
        if (!(cause instanceof PasskeyCeremonyError)) throw cause;
        setBrowserProblem(cause.messageId);
        return undefined;
      }
    });
  }

  const summary = browserProblem ? [t(browserProblem)] : form.summary;
  return { run, pending: form.pending, fieldErrors: form.fieldErrors, summary, attempt: `${form.attempt}-${browserProblem ?? ''}` };
}
