import { JoinPolicy } from '@kindred/contracts';
import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../../../shared/lib/api-client';
import { useT } from '../../../../shared/i18n/use-t';
import { tabKeyTarget } from '../../../../shared/ui/tab-keys';
import { ErrorState, LoadingState } from '../../../../shared/ui/query-state';
import { useJoinRequests, useLiveQueue, useModeratedRooms, useQueue } from '../../hooks/use-moderation';
import { JoinRequestsPanel } from './join-requests-panel';
import { DetectorPanel } from '../../../care/components/detector/detector-panel';
import { ModeratorWellbeing } from '../../../care/components/wellbeing/moderator-wellbeing';
import { ModerationLogPanel } from './moderation-log-panel';
import { QueueItemCard } from './queue-item-card';
import './moderation.css';

type Tab = 'queue' | 'held' | 'joins' | 'log';
const TABS: Tab[] = ['queue', 'held', 'joins', 'log'];

/**
 * The moderator's workplace: the queue (crisis first, then harm, then the rest, oldest first
 * within each), posts held for review, join requests and the log. It follows changes live.
 */
export function ModerationDashboard() {
  const t = useT();
  const queue = useQueue();
  useLiveQueue();
  const { rooms, isPending: roomsPending } = useModeratedRooms();
  const requestRooms = rooms.filter((room) => room.joinPolicy === JoinPolicy.Request);
  const requests = useJoinRequests(requestRooms.map((room) => room.id));
  const [tab, setTab] = useState<Tab>('queue');
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  useEffect(() => {
    // The decided item is gone; keep keyboard users in a sensible place.
    if (status) statusRef.current?.focus();
  }, [status]);

  if (queue.isPending) return <LoadingState label={t('moderation.dashboard.loading')} />;
  if (queue.isError) {
    if (queue.error instanceof ApiRequestError && queue.error.status === 403) {
      return <p className="notice">{t('moderation.dashboard.forbidden')}</p>;
    }
    return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  }

  const items = queue.data;
  const held = items.filter((item) => item.kind === 'held-post');
  const others = items.filter((item) => item.kind !== 'held-post');
  const waiting = requests.reduce((sum, r) => sum + (r.data?.length ?? 0), 0);
  const counts: Record<Tab, number | null> = { queue: others.length, held: held.length, joins: waiting, log: null };
  const labels: Record<Tab, string> = { queue: t('moderation.tab.queue'), held: t('moderation.tab.held'), joins: t('moderation.tab.joins'), log: t('moderation.tab.log') };

  function onDecided(message: string) {
    setStatus(message);
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const target = tabKeyTarget(event.key, TABS.indexOf(tab), TABS.length, event.currentTarget);
    const next = target === undefined ? undefined : TABS[target];
    if (!next) return;
    event.preventDefault();
    setTab(next);
    setStatus('');
    tabRefs.current[next]?.focus();
  }

  return (
    <>
      <ModeratorWellbeing />
      <div ref={statusRef} tabIndex={-1} role="status" className="moderation__status">
        {status && <p className="notice notice--success">{status}</p>}
      </div>
      <div role="tablist" aria-label={t('moderation.dashboard.tabs')} className="moderation__tabs">
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`mod-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`mod-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="moderation__tab"
            onClick={() => {
              setTab(name);
              setStatus('');
            }}
            onKeyDown={onTabKey}
          >
            {labels[name]}
            {counts[name] !== null && <span className="moderation__count">{counts[name]}</span>}
          </button>
        ))}
      </div>
      <div id={`mod-panel-${tab}`} role="tabpanel" aria-labelledby={`mod-tab-${tab}`} className="moderation__panel">
        {tab === 'queue' &&
          (others.length === 0 ? (
            <p className="empty-state">{t('moderation.dashboard.clear')}</p>
          ) : (
            <>
              <p className="muted">{t('moderation.dashboard.waiting', { count: others.length })}</p>
              <ol className="queue">
                {others.map((item) => (
                  <li key={item.id}>
                    <QueueItemCard item={item} onDecided={onDecided} />
                  </li>
                ))}
              </ol>
            </>
          ))}
        {tab === 'held' &&
          (held.length === 0 ? (
            <p className="empty-state">{t('moderation.dashboard.noHeld')}</p>
          ) : (
            <ol className="queue">
              {held.map((item) => (
                <li key={item.id}>
                  <QueueItemCard item={item} onDecided={onDecided} />
                </li>
              ))}
            </ol>
          ))}
        {tab === 'joins' &&
          (roomsPending ? <LoadingState label={t('moderation.dashboard.loadingRooms')} /> : <JoinRequestsPanel rooms={requestRooms} requests={requests} onDecided={onDecided} />)}
        {tab === 'log' && <ModerationLogPanel rooms={rooms} />}
      </div>
      <DetectorPanel />
    </>
  );
}
