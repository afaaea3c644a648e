import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';

interface ErrorSummaryProps {
  title?: string;
  messages: string[];
}

/** Announced and focused when it appears, so keyboard and screen-reader users find it. */
export function ErrorSummary({ title, messages }: ErrorSummaryProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const key = messages.join('\n');

  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);

  if (messages.length === 0) return null;
  return (
    <div ref={ref} className="notice notice--error" role="alert" tabIndex={-1}>
      <h2 className="notice__title">{title ?? t('form.checkTheForm')}</h2>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
