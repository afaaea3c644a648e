import { useId, useState } from 'react';
import { useErrorText } from '../../../../shared/i18n/error-text';
import { TimeAgo } from '../../../../shared/ui/time-ago';
import { useSession } from '../../../auth/hooks/use-session';
import { WarningBadges } from '../../../content-warnings/components/warning-badges';
import { WarningGate } from '../../../content-warnings/components/warning-gate';
import type { QueueItem } from '../../api/moderation-api';
import { useClaim } from '../../hooks/use-moderation';
import { useDescribeLogAction, KIND_LABELS, REPORT_CATEGORY, SEVERITY_CLASS, SEVERITY_LABELS, STATUS_LABELS } from '../../lib/labels';
import type { MessageId } from '../../../../shared/i18n/message-id';
import { useT, type Translate } from '../../../../shared/i18n/use-t';
import { authorName, isPlaceholderAuthor, useAuthorName } from '../../../../shared/i18n/author-name';
import { CrisisCarePanel } from '../../../care/components/crisis-care-panel';
import { CheckInForm } from '../../../conversations/components/check-in-form';
import { FoldedItem } from '../../../care/components/wellbeing/folded-item';
import { LabelForDetector } from '../../../care/components/detector/label-for-detector';
import { ActionForm } from './action-form';
import { DismissForm } from './dismiss-form';
import { QueueNotes } from './queue-notes';

function titleOf(item: QueueItem, t: Translate): string {
  const { target } = item;
  const who = target.author ? authorName(target.author, t) : t('moderation.item.someone');
  switch (target.type) {
    case 'message':
      return target.roomName ? t('moderation.item.messageIn', { who, room: target.roomName }) : t('moderation.item.message', { who });
    case 'post':
      return target.threadTitle ? t('moderation.item.replyIn', { who, title: target.threadTitle }) : t('moderation.item.reply', { who });
    case 'thread':
      return target.threadTitle ? t('moderation.item.thread', { who, title: target.threadTitle }) : t('moderation.item.threadUntitled', { who });
    case 'member':
      return t('moderation.item.member', { who });
  }
}

const STATUS_NOTES: Record<string, MessageId> = {
  removed: 'moderation.targetStatus.removed',
  hidden: 'moderation.targetStatus.hidden',
  deleted: 'threads.status.deleted',
  rejected: 'moderation.targetStatus.rejected',
  pending: 'moderation.targetStatus.pending',
};

type Mode = 'none' | 'act' | 'dismiss' | 'care' | 'check-in';

/** Crisis items (raised by the detector, or reports of a crisis) are answered with care first. */
const CRISIS = 3;
/** Crisis and harm items are already folded (FoldedItem); once revealed, a second fold for their warning would only be in the way. */
const FOLDED_FROM = 2;

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
  // A private check-in goes to the member the item is about (never to a former member).
  const checkInWith = target.author && !isPlaceholderAuthor(target.author) ? target.author : null;
  const t = useT();
  const nameOf = useAuthorName();
  const errorText = useErrorText();
  const title = titleOf(item, t);
  const statusNote = target.status ? STATUS_NOTES[target.status] : undefined;

  return (
    <article className={`queue-item queue-item--${severity}`} aria-labelledby={`${id}-title`}>
      <ul className="queue-item__badges" aria-label={t('moderation.item.about')}>
        <li className={`badge badge--severity badge--severity-${severity}`}>{t(SEVERITY_LABELS[item.severity] ?? 'moderation.severity.other')}</li>
        <li className="badge">{KIND_LABELS[item.kind] ? t(KIND_LABELS[item.kind]) : item.kind}</li>
        <li className="badge">{item.claimedBy ? (mine ? t('moderation.item.claimedByYou') : t('moderation.item.claimedBy', { handle: nameOf(item.claimedBy) })) : t(STATUS_LABELS[item.status])}</li>
      </ul>
      {/* The page's h1 is "Moderation"; each item is the next level down. */}
      <h2 id={`${id}-title`} className="queue-item__title">
        {title}
      </h2>
      <p className="muted queue-item__meta">
        {t('moderation.item.raised')} <TimeAgo iso={item.createdAt} />
        {item.reports.length > 0 && ` · ${t('moderation.item.reportCount', { count: item.reports.length })}`}
        {statusNote && ` · ${t(statusNote)}`}
      </p>

      {/* Crisis and harm start folded for each moderator; the words and their context open on request. */}
      <FoldedItem itemId={item.id} severity={item.severity} folded={item.folded} what={title}>
        <>
          {target.body !== null && (
            <div className="queue-item__content">
              <WarningGate id={`queue:${item.id}`} warning={target.warning ?? { categories: [], note: null }} presentation={target.warning?.categories.length && item.severity < FOLDED_FROM ? 'warn' : 'show'} what="content">
                {() => (
                  <>
                    {target.warning && <WarningBadges categories={target.warning.categories} automatic={target.warning.automatic} />}
                    <p className="queue-item__body">{target.body}</p>
                  </>
                )}
              </WarningGate>
            </div>
          )}

          {target.context.length > 0 && (
            <details className="disclosure queue-item__section">
              <summary>{t('moderation.item.context', { count: target.context.length })}</summary>
              <ol className="queue-context">
                {target.context.map((line) => (
                  <li key={line.id} className={line.id === target.id ? 'queue-context__target' : undefined}>
                    <span className="queue-context__author">{nameOf(line.author)}</span>
                    {line.id === target.id && <span className="badge">{t('moderation.item.thisOne')}</span>}
                    <span className="queue-context__body">{line.body}</span>
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      </FoldedItem>

      {item.appealMessage && (
        <div className="queue-item__appeal">
          <p className="queue-item__label">{t('moderation.item.appealMessage')}</p>
          <p className="queue-item__body">{item.appealMessage}</p>
        </div>
      )}

      {item.reports.length > 0 && (
        <section aria-labelledby={`${id}-reports`} className="queue-item__section">
          <h3 id={`${id}-reports`}>{t('moderation.item.reports')}</h3>
          <ul className="queue-list">
            {item.reports.map((report, index) => (
              <li key={`${report.reporter.id}-${index}`}>
                <p className="queue-list__text">
                  <strong>{REPORT_CATEGORY[report.category] ? t(REPORT_CATEGORY[report.category]) : report.category}</strong>
                  {report.note && <> — {report.note}</>}
                </p>
                <p className="muted queue-list__meta">
                  {nameOf(report.reporter)} · <TimeAgo iso={report.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <details className="disclosure queue-item__section">
        <summary>
          {target.author
            ? t('moderation.item.historyOf', { handle: nameOf(target.author), count: item.history.length })
            : t('moderation.item.history', { count: item.history.length })}
        </summary>
        {item.history.length === 0 ? (
          <p className="muted">{t('moderation.item.historyEmpty')}</p>
        ) : (
          <ul className="queue-list">
            {item.history.map((entry) => (
              <li key={entry.id}>
                <p className="queue-list__text">
                  <strong>{describeAction(entry.action)}</strong> — {entry.reason}
                </p>
                <p className="muted queue-list__meta">
                  {nameOf(entry.actor)} · <TimeAgo iso={entry.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </details>

      <details className="disclosure queue-item__section">
        <summary>{t('moderation.item.notes', { count: item.notes.length })}</summary>
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
            {t(mine ? 'moderation.item.release' : 'moderation.item.claim')}
            <span className="visually-hidden">: {title}</span>
          </button>
        )}
        {item.severity === CRISIS && (
          <button type="button" className="button button--small button--primary" aria-expanded={mode === 'care'} onClick={() => setMode(mode === 'care' ? 'none' : 'care')}>
            {t('care.panel.open')}
            <span className="visually-hidden"> {title}</span>
          </button>
        )}
        {checkInWith && (
          <button type="button" className="button button--small" aria-expanded={mode === 'check-in'} onClick={() => setMode(mode === 'check-in' ? 'none' : 'check-in')}>
            {t('conversations.checkIn.open')}
            <span className="visually-hidden"> {title}</span>
          </button>
        )}
        <button type="button" className="button button--small button--primary" aria-expanded={mode === 'act'} onClick={() => setMode(mode === 'act' ? 'none' : 'act')}>
          {t(item.kind === 'held-post' ? 'moderation.item.review' : 'moderation.item.act')}
          <span className="visually-hidden"> {title}</span>
        </button>
        <button type="button" className="button button--small button--quiet" aria-expanded={mode === 'dismiss'} onClick={() => setMode(mode === 'dismiss' ? 'none' : 'dismiss')}>
          {t('moderation.item.dismiss')}
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
      {claim.isError && (
        <p className="field__error" role="alert">
          {errorText(claim.error)}
        </p>
      )}
      {mode === 'act' && <ActionForm item={item} onDone={onDecided} onCancel={() => setMode('none')} />}
      {mode === 'dismiss' && <DismissForm item={item} onDone={onDecided} onCancel={() => setMode('none')} />}
      {mode === 'care' && <CrisisCarePanel itemId={item.id} onDone={onDecided} />}
      {mode === 'check-in' && checkInWith && <CheckInForm member={checkInWith} onCancel={() => setMode('none')} />}
      {item.kind !== 'held-post' && <LabelForDetector itemId={item.id} severity={item.severity} target={target} what={title} />}
    </article>
  );
}
