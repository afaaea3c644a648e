import type { DraftKind, DraftView, SaveDraftRequest } from '@kindred/contracts';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isUnauthenticated } from '../../../shared/lib/api-client';
import { useDraftsGeneration } from '../../../shared/lib/drafts';
import { discardDraft, fetchDraft, saveDraft } from '../api/drafts-api';

/** Saved about a second after the member stops typing: often enough to lose little, rarely enough to stay quiet. */
export const DRAFT_SAVE_DELAY_MS = 1000;

export type DraftSaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface DraftSyncOptions {
  kind: DraftKind;
  /** The room (new thread) or thread (reply); nothing is loaded or saved until it is known. */
  targetId: string | undefined;
  /** The draft as it stands, or null when there is nothing worth keeping (then the server copy goes). */
  content: SaveDraftRequest | null;
  /** Fills the boxes from the server copy; only called when nothing was typed here yet. */
  restore: (draft: DraftView) => void;
}

export interface DraftSync {
  status: DraftSaveStatus;
  /** When the draft brought back from the server was last saved (null: nothing was brought back). */
  restoredAt: string | null;
  /** Saves now if anything changed (on blur, or when the page is hidden). */
  flush: () => void;
  /** Before posting: no save may land after the post (which deletes the draft on the server). */
  beforeSend: () => Promise<unknown>;
  /** After posting: on success the boxes empty without another request; on failure the words are saved again. */
  afterSend: (posted: boolean) => void;
  /** "Discard draft": deletes the server copy; the caller empties the boxes. */
  discard: () => Promise<void>;
}

const NOTHING = 'null';

/**
 * Keeps a thread or reply draft on the server while the member types (debounced, and at once
 * on blur or when the page is hidden, with a normal keepalive request), and brings it back on
 * load on any device. Nothing goes to browser storage: the in-memory boxes are the only local copy.
 */
export function useDraftSync({ kind, targetId, content, restore }: DraftSyncOptions): DraftSync {
  const key = JSON.stringify(content);
  const generation = useDraftsGeneration();
  const [status, setStatus] = useState<DraftSaveStatus>('idle');
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const latest = useRef({ key, content, restore });
  // Before any effect or event of this render reads it (layout effects run first, synchronously).
  useLayoutEffect(() => {
    latest.current = { key, content, restore };
  });
  const sync = useRef({ baseline: key, generation, timer: undefined as number | undefined, queue: Promise.resolve() as Promise<unknown>, restoring: false, awaitingEmpty: false });

  const cancelTimer = () => {
    window.clearTimeout(sync.current.timer);
    sync.current.timer = undefined;
  };

  /**
   * The words were posted or discarded and the boxes are about to empty: until they have,
   * nothing is sent (a blur in between would otherwise save the old words again).
   */
  const expectEmpty = () => {
    cancelTimer();
    sync.current.awaitingEmpty = true;
    sync.current.baseline = NOTHING;
  };

  const send = useCallback(
    (keepalive: boolean) => {
      cancelTimer();
      const s = sync.current;
      const { key: now, content: words } = latest.current;
      if (!targetId || now === s.baseline || s.awaitingEmpty) return;
      s.baseline = now;
      setStatus('saving');
      const request = (): Promise<unknown> => (words === null ? discardDraft(kind, targetId, keepalive) : saveDraft(kind, targetId, words, keepalive));
      // In order, so an older save never lands after a newer one; on the way out, at once.
      const sent = keepalive ? request() : s.queue.then(request);
      s.queue = sent.then(
        () => setStatus(words === null ? 'idle' : 'saved'),
        (cause: unknown) => {
          if (isUnauthenticated(cause)) return;
          if (s.baseline === now) s.baseline = `failed:${now}`;
          setStatus('failed');
        },
      );
    },
    [kind, targetId],
  );

  // Bring back what was saved, unless something was already typed here (newer than the server's).
  useEffect(() => {
    if (!targetId) return;
    const controller = new AbortController();
    fetchDraft(kind, targetId, controller.signal).then(
      ({ draft }) => {
        if (!draft || latest.current.content !== null) return;
        sync.current.restoring = true;
        latest.current.restore(draft);
        setRestoredAt(draft.updatedAt);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [kind, targetId]);

  // After quick exit or logout the emptied boxes are not the member's choice: nothing is sent
  // (quick exit deletes the server copy itself; after logout it stays the member's, for any device).
  useEffect(() => {
    const s = sync.current;
    if (s.generation === generation) return;
    s.generation = generation;
    s.baseline = latest.current.key;
    cancelTimer();
  }, [generation]);

  useEffect(() => {
    const s = sync.current;
    if (s.awaitingEmpty) {
      if (key === NOTHING) s.awaitingEmpty = false;
      return cancelTimer();
    }
    if (s.restoring) {
      s.restoring = false;
      s.baseline = key;
      return cancelTimer();
    }
    if (key === s.baseline) return cancelTimer();
    cancelTimer();
    s.timer = window.setTimeout(() => send(false), DRAFT_SAVE_DELAY_MS);
  }, [key, send]);

  // Leaving the page, hiding the tab, or unmounting the form saves what is pending.
  useEffect(() => {
    const s = sync.current;
    const onHide = () => {
      if (document.visibilityState === 'hidden') send(true);
    };
    const onPageHide = () => send(true);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      if (s.timer !== undefined) send(true);
    };
  }, [send]);

  return {
    status,
    restoredAt,
    flush: () => send(false),
    beforeSend: () => {
      cancelTimer();
      sync.current.baseline = latest.current.key;
      return sync.current.queue;
    },
    afterSend: (posted) => {
      if (posted) {
        expectEmpty();
        setStatus('idle');
        setRestoredAt(null);
      } else {
        sync.current.baseline = `unsent:${latest.current.key}`;
        send(false);
      }
    },
    discard: async () => {
      expectEmpty();
      try {
        await sync.current.queue;
        if (targetId) await discardDraft(kind, targetId);
      } catch (cause) {
        sync.current.awaitingEmpty = false;
        sync.current.baseline = `failed:${latest.current.key}`;
        throw cause;
      }
      setStatus('idle');
      setRestoredAt(null);
    },
  };
}
