import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import type { Translate } from '../../../shared/i18n/use-t';

/** The text file a member can keep; made here in the browser from the codes just received. */
function codesAsText(codes: string[], handle: string | undefined, t: Translate): string {
  const lines = [
    t('recovery.file.title'),
    handle ? t('recovery.file.handle', { handle }) : '',
    '',
    t('recovery.file.howTo'),
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
export function RecoveryCodesPanel({ codes, handle, headingLevel = 2, onDone, doneLabel }: Props) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that made them is gone: keyboard and screen-reader users land on the codes.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codesAsText(codes, handle, t));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="recovery-codes">
      <Heading id="new-recovery-codes-heading" ref={heading} tabIndex={-1}>
        {t('recovery.panel.title')}
      </Heading>
      <p>{t('recovery.panel.intro')}</p>
      <p className="muted">{t('recovery.panel.keep')}</p>
      <ol className="recovery-codes__list" aria-label={t('settings.recoveryCodes')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('recovery.panel.copy')}
        </button>
        <button type="button" className="button" onClick={() => download(codesAsText(codes, handle, t))}>
          {t('recovery.panel.download')}
        </button>
      </div>
      <div role="status">
        {copied === 'yes' && <p className="notice notice--success">{t('recovery.panel.copied')}</p>}
        {copied === 'failed' && <p className="notice notice--info">{t('recovery.panel.copyFailed')}</p>}
      </div>
      {onDone && (
        <button type="button" className="button button--primary" onClick={onDone}>
          {doneLabel ?? t('recovery.panel.continue')}
        </button>
      )}
    </div>
  );
}
