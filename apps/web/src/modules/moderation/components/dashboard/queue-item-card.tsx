import { REPORT_CATEGORY_LABELS } from '@kindred/contracts';
import { useId, useState } from 'react';
import { toDisplayError } from '../../../../shared/lib/api-client';
import { TimeAgo } from '../../../../shared/ui/time-ago';
import { useSession } from '../../../auth/hooks/use-session';
import { WarningBadges } from '../../../content-warnings/components/warning-badges';
import { WarningGate } from '../../../content-warnings/components/warning-gate';
import type { QueueItem } from '../../api/moderation-api';
import { useClaim } from '../../hooks/use-moderation';
import { useDescribeLogAction, KIND_LABELS, SEVERITY_CLASS, SEVERITY_LABELS, STATUS_LABELS } from '../../lib/labels';
import { useT } from '../../../../shared/i18n/use-t';
import { CrisisCarePanel } from '../../../care/components/crisis-care-panel';
import { ActionForm } from './action-form';
import { DismissForm } from './dismiss-form';
import { QueueNotes } from './queue-notes';

function titleOf(item: QueueItem): string {
  const { target } = item;
  const who = target.author?.handle ?? 'someone';
  switch (target.type) {
    case 'message':
      return `Chat message by ${who}${target.roomName ? ` in ${target.roomName}` : ''}`;
    case 'post':
      return `Reply by ${who}${target.threadTitle ? ` in “${target.threadTitle}”` : ''}`;
    case 'thread':
      return `Thread “${target.threadTitle ?? 'untitled'}” by ${who}`;
    case 'member':
      return `Member ${who}`;
  }
}

const STATUS_NOTES: Record<string, string> = {
  removed: 'Removed',
  hidden: 'Hidden',
  deleted: 'Deleted by its author',
  rejected: 'Not approved',
  pending: 'Waiting for review',
};

type Mode = 'none' | 'act' | 'dismiss' | 'care';

/** Crisis items (raised by the detector, or reports of a crisis) are answered with care first. */
const CRISIS = 3;

/** One queue item: what happened, where, who reported it, the member's history, and the decision. */
export function QueueItemCard({ item, onDecided }: { item: QueueItem; onDecided: (message: string) => void }) {
  const describeAction = useDescribeLogAction();
  const id = useId();
  const { user } = useSession();
  const claim = useClaim();
  const [mode, setMode] = useState<Mode>('none');
  const { target } = item;
  const mine = item.claimedBy?.id === user?.id;
  const claimedByOther = !!item.claimedBy && !mine;
  const severity = SEVERITY_CLASS[item.severity] ?? 'other';
  const t = useT();

  return (
    <article className={`queue-item queue-item--${severity}`} aria-labelledby={`${id}-title`}>
      <ul className="queue-item__badges" aria-label="About this item">
        <li className={`badge badge--severity badge--severity-${severity}`}>{SEVERITY_LABELS[item.severity] ?? 'Other'}</li>
        <li className="badge">{KIND_LABELS[item.kind] ?? item.kind}</li>
        <li className="badge">{item.claimedBy ? `Claimed by ${mine ? 'you' : item.claimedBy.handle}` : STATUS_LABELS[item.status]}</li>
      </ul>
      {/* The page's h1 is "Moderation"; each item is the next level down. */}
      <h2 id={`${id}-title`} className="queue-item__title">
        {titleOf(item)}
      </h2>
      <p className="muted queue-item__meta">
        Raised <TimeAgo iso={item.createdAt} />
        {item.reports.length > 0 && ` · ${item.reports.length} report${item.reports.length === 1 ? '' : 's'}`}
        {target.status && STATUS_NOTES[target.status] && ` · ${STATUS_NOTES[target.status]}`}
      </p>

      {target.body !== null && (
        <div className="queue-item__content">
          <WarningGate id={`queue:${item.id}`} warning={target.warning ?? { categories: [], note: null }} presentation={target.warning?.categories.length ? 'warn' : 'show'} what="content">
            {() => (
              <>
                {target.warning && <WarningBadges categories={target.warning.categories} />}
                <p className="queue-item__body">{target.body}</p>
              </>
            )}
          </WarningGate>
        </div>
      )}

      {item.appealMessage && (
        <div className="queue-item__appeal">
          <p className="queue-item__label">What the member wrote</p>
          <p className="queue-item__body">{item.appealMessage}</p>
        </div>
      )}

      {item.reports.length > 0 && (
        <section aria-labelledby={`${id}-reports`} className="queue-item__section">
          <h3 id={`${id}-reports`}>Reports</h3>
          <ul className="queue-list">
            {item.reports.map((report, index) => (
              <li key={`${report.reporter.id}-${index}`}>
                <p className="queue-list__text">
                  <strong>{REPORT_CATEGORY_LABELS[report.category] ?? report.category}</strong>
                  {report.note && <> — {report.note}</>}
                </p>
                <p className="muted queue-list__meta">
                  {report.reporter.handle} · <TimeAgo iso={report.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {target.context.length > 0 && (
        <details className="disclosure queue-item__section">
          <summary>The conversation around it ({target.context.length})</summary>
          <ol className="queue-context">
            {target.context.map((line) => (
              <li key={line.id} className={line.id === target.id ? 'queue-context__target' : undefined}>
                <span className="queue-context__author">{line.author.handle}</span>
                {line.id === target.id && <span className="badge">This one</span>}
                <span className="queue-context__body">{line.body}</span>
              </li>
            ))}
          </ol>
        </details>
      )}

      <details className="disclosure queue-item__section">
        <summary>
          {target.author ? `${target.author.handle}’s` : 'Their'} recent moderation history ({item.history.length})
        </summary>
        {item.history.length === 0 ? (
          <p className="muted">Nothing before this.</p>
        ) : (
          <ul className="queue-list">
            {item.history.map((entry) => (
              <li key={entry.id}>
                <p className="queue-list__text">
                  <strong>{describeAction(entry.action)}</strong> — {entry.reason}
                </p>
                <p className="muted queue-list__meta">
                  {entry.actor.handle} · <TimeAgo iso={entry.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </details>

      <details className="disclosure queue-item__section">
        <summary>Private notes ({item.notes.length})</summary>
        <QueueNotes item={item} />
      </details>

      <div className="button-row queue-item__actions">
        {!claimedByOther && (
          <button
            type="button"
            className="button button--small"
            disabled={claim.isPending}
            onClick={() => claim.mutate({ id: item.id, claim: !mine })}
          >
            {mine ? 'Release' : 'Claim'}
            <span className="visually-hidden">: {titleOf(item)}</span>
          </button>
        )}
        {item.severity === CRISIS && (
          <button type="button" className="button button--small button--primary" aria-expanded={mode === 'care'} onClick={() => setMode(mode === 'care' ? 'none' : 'care')}>
            {t('care.panel.open')}
            <span className="visually-hidden"> {titleOf(item)}</span>
          </button>
        )}
        <button type="button" className="button button--small button--primary" aria-expanded={mode === 'act'} onClick={() => setMode(mode === 'act' ? 'none' : 'act')}>
          {item.kind === 'held-post' ? 'Review…' : 'Take action…'}
          <span className="visually-hidden"> {titleOf(item)}</span>
        </button>
        <button type="button" className="button button--small button--quiet" aria-expanded={mode === 'dismiss'} onClick={() => setMode(mode === 'dismiss' ? 'none' : 'dismiss')}>
          Dismiss…<span className="visually-hidden"> {titleOf(item)}</span>
        </button>
      </div>
      {claim.isError && (
        <p className="field__error" role="alert">
          {toDisplayError(claim.error).message}
        </p>
      )}
      {mode === 'act' && <ActionForm item={item} onDone={onDecided} onCancel={() => setMode('none')} />}
      {mode === 'dismiss' && <DismissForm item={item} onDone={onDecided} onCancel={() => setMode('none')} />}
      {mode === 'care' && <CrisisCarePanel itemId={item.id} onDone={onDecided} />}
    </article>
  );
}
