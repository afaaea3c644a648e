import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from './error-summary';

/** What a form needs to know about its submission: see useFormSubmission. */
export interface SubmissionState {
  pending: boolean;
  summary: string[];
  /** Changes on every failed attempt, so the summary is announced again. */
  attempt: number | string;
}

interface SubmissionFormProps {
  submission: SubmissionState;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Heading of the error summary; a general "check the form" when absent. */
  errorTitle?: string;
  submitLabel: string;
  /** Shown on the button while the request is out, so nobody presses twice. */
  pendingLabel: string;
  className?: string;
  primary?: boolean;
  children: ReactNode;
}

/**
 * The frame every form shares: the error summary first (focused and announced when it
 * appears), the fields, then one submit button that says when it is working.
 */
export function SubmissionForm({ submission, onSubmit, errorTitle, submitLabel, pendingLabel, className = 'form', primary, children }: SubmissionFormProps) {
  return (
    <form className={className} onSubmit={onSubmit} noValidate aria-busy={submission.pending}>
      <ErrorSummary key={submission.attempt} title={errorTitle} messages={submission.summary} />
      {children}
      <button type="submit" className={primary ? 'button button--primary' : 'button'} disabled={submission.pending}>
        {submission.pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
