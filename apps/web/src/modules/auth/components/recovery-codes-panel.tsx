import { useEffect, useRef, useState } from 'react';

/** The text file a member can keep; made here in the browser from the codes just received. */
function codesAsText(codes: string[], handle: string | undefined): string {
  const lines = [
    'Kindred recovery codes',
    handle ? `Handle: ${handle}` : '',
    '',
    'Each code works once. Use one with your handle on the "Forgot password?" page to choose a new password.',
    '',
    ...codes,
    '',
  ];
  return lines.filter((line, i) => line !== '' || i > 1).join('\n');
}

function download(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'kindred-recovery-codes.txt';
  link.click();
  // Let the download start before the address is given back.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

interface Props {
  codes: string[];
  handle?: string;
  /** Heading level fits where the panel sits (a page or a settings section). */
  headingLevel?: 2 | 3;
  onDone?: () => void;
  doneLabel?: string;
}

/**
 * Shows a fresh set of recovery codes once. They live only in this component's memory: never
 * in browser storage, and gone when the member moves on.
 */
export function RecoveryCodesPanel({ codes, handle, headingLevel = 2, onDone, doneLabel = 'I have saved them, continue' }: Props) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that made them is gone: keyboard and screen-reader users land on the codes.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codesAsText(codes, handle));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="recovery-codes">
      <Heading id="new-recovery-codes-heading" ref={heading} tabIndex={-1}>Your recovery codes</Heading>
      <p>
        If you forget your password, one of these codes and your handle let you choose a new one. Each code works once.
        Kindred cannot show them again.
      </p>
      <p className="muted">
        Keep them somewhere only you can reach: written on paper, or in a password manager. Copies you download or paste
        stay on this device until you delete them.
      </p>
      <ol className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy codes
        </button>
        <button type="button" className="button" onClick={() => download(codesAsText(codes, handle))}>
          Download as a text file
        </button>
      </div>
      <div role="status">
        {copied === 'yes' && <p className="notice notice--success">Copied.</p>}
        {copied === 'failed' && <p className="notice notice--info">This browser did not allow copying. Please write the codes down or download them.</p>}
      </div>
      {onDone && (
        <button type="button" className="button button--primary" onClick={onDone}>
          {doneLabel}
        </button>
      )}
    </div>
  );
}
