import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/use-t';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Extra class for the panel, e.g. a wider layout. */
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Marks everything the page has behind a dialog; the quick-exit button is left out on purpose. */
const INERT_SELECTOR = '[data-app-shell]';

/**
 * A modal dialog: focus moves in and stays in (Tab wraps), the page behind is inert, a single
 * Esc closes it, and focus returns to what opened it. Not the native <dialog>: its top layer
 * would make the always-available quick-exit button unreachable.
 */
export function Dialog({ open, onClose, title, children, className }: DialogProps) {
  const t = useT();
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    const shells = [...document.querySelectorAll<HTMLElement>(INERT_SELECTOR)];
    for (const shell of shells) shell.inert = true;
    // No scroll jump: the panel's top edge stays clear of the fixed quick-exit button.
    panelRef.current?.focus({ preventScroll: true });
    return () => {
      for (const shell of shells) shell.inert = false;
      opener?.focus?.();
    };
  }, [open]);

  if (!open) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      // No stopPropagation: the window-level double-Esc listener still counts this press.
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    const focusable = [...panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === panelRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panelRef}
        className={`dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button type="button" className="button button--small button--quiet" onClick={onClose}>
            {t('common.close')}
            <span className="visually-hidden"> {title}</span>
          </button>
        </div>
        <div className="dialog__body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
