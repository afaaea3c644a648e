import type { PostStatus, PostView } from '@kindred/contracts';
import { useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { WarningBadges } from '../../content-warnings/components/warning-badges';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { presentationFor } from '../../content-warnings/lib/presentation';
import { LazyReportDialog } from '../../reports/components/lazy-report-dialog';
import type { ReportTarget } from '../../reports/components/report-dialog';
import { BlockMemberDialog } from '../../safety/components/block-member-dialog';
import { useDeletePost } from '../hooks/use-thread';
import { EditPostForm } from './edit-post-form';
import { PendingNotice } from './pending-notice';
import { ReactionBar } from './reaction-bar';
import { postRevealId, threadRevealId } from '../lib/reveal-keys';

/** Shown to moderators, who still see posts that are gone for everyone else. */
const STATUS_LABELS: Partial<Record<PostStatus, string>> = {
  hidden: 'Hidden by a moderator',
  removed: 'Removed by a moderator',
  deleted: 'Deleted by its author',
  rejected: 'Not approved',
};

interface PostItemProps {
  post: PostView;
  isOpening: boolean;
  viewerId: string;
  canPost: boolean;
  onDeleted: (wasOpening: boolean) => void;
  onBlocked: (handle: string, authorId: string) => void;
}

export function PostItem({ post, isOpening, viewerId, canPost, onDeleted, onBlocked }: PostItemProps) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [reporting, setReporting] = useState(false);
  const remove = useDeletePost(post.threadId);
  const own = post.author.id === viewerId;
  const editable = own && (post.status === 'published' || post.status === 'pending');
  const statusLabel = STATUS_LABELS[post.status];
  // Posts by deleted accounts carry a placeholder author that cannot be blocked.
  const blockable = !own && post.author.handle !== 'former member';

  return (
    <article className={`post${isOpening ? ' post--opening' : ''}`} aria-label={`${isOpening ? 'Opening post' : 'Reply'} by ${post.author.handle}`}>
      <header className="post__header">
        <span className="post__author">{post.author.handle}</span>
        {own && <span className="badge">You</span>}
        <span className="muted">
          <TimeAgo iso={post.createdAt} />
          {post.editedAt && ' · edited'}
        </span>
        {statusLabel && <span className="badge">{statusLabel}</span>}
      </header>
      {post.status === 'pending' && own && <PendingNotice what={isOpening ? 'thread' : 'reply'} />}
      {editing ? (
        <EditPostForm post={post} onDone={() => setEditing(false)} />
      ) : (
        <WarningGate id={isOpening ? threadRevealId(post.threadId) : postRevealId(post.id)} warning={post.warning} presentation={presentationFor(post, viewerId)} what="post">
          {() => (
            <>
              <WarningBadges categories={post.warning.categories} />
              {/* bodyHtml is rendered and sanitised by the server; nothing else is inserted as HTML. */}
              <div className="prose post__body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
            </>
          )}
        </WarningGate>
      )}
      {!editing && (
        <footer className="post__footer">
          <ReactionBar post={post} canReact={canPost && post.status === 'published'} />
          <div className="post__actions">
            {editable && (
              <>
                <button type="button" className="button button--small button--quiet" onClick={() => setEditing(true)}>
                  Edit<span className="visually-hidden"> your post</span>
                </button>
                <button type="button" className="button button--small button--quiet" onClick={() => setConfirmDelete(true)}>
                  Delete<span className="visually-hidden"> your post</span>
                </button>
              </>
            )}
            {!own && (
              <button type="button" className="button button--small button--quiet" onClick={() => setReporting(true)}>
                Report…<span className="visually-hidden"> {isOpening ? 'this thread' : `the reply by ${post.author.handle}`}</span>
              </button>
            )}
            {blockable && (
              <button type="button" className="button button--small button--quiet" onClick={() => setConfirmBlock(true)}>
                Block {post.author.handle}
              </button>
            )}
          </div>
        </footer>
      )}
      {reporting && <LazyReportDialog targets={reportTargets(post, isOpening, blockable)} onClose={() => setReporting(false)} />}
      <ConfirmDialog
        open={confirmDelete}
        title={isOpening ? 'Delete this thread?' : 'Delete this post?'}
        confirmLabel={isOpening ? 'Delete thread' : 'Delete post'}
        pending={remove.isPending}
        error={remove.error ? toDisplayError(remove.error).message : null}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(post.id, {
            onSuccess: () => {
              setConfirmDelete(false);
              onDeleted(isOpening);
            },
          })
        }
      >
        <p>
          {isOpening
            ? 'This is the opening post, so the whole thread is taken down with it.'
            : 'It disappears from the thread for everyone.'}{' '}
          Moderators can still see what it said, as part of keeping the community safe.
        </p>
      </ConfirmDialog>
      {blockable && (
        <BlockMemberDialog
          handle={post.author.handle}
          open={confirmBlock}
          onClose={() => setConfirmBlock(false)}
          onBlocked={(handle) => onBlocked(handle, post.author.id)}
        />
      )}
    </article>
  );
}

function reportTargets(post: PostView, isOpening: boolean, memberReportable: boolean): ReportTarget[] {
  const targets: ReportTarget[] = isOpening
    ? [
        { type: 'thread', id: post.threadId, label: 'This thread' },
        { type: 'post', id: post.id, label: 'Just this opening post' },
      ]
    : [{ type: 'post', id: post.id, label: 'This reply' }];
  if (memberReportable) targets.push({ type: 'member', id: post.author.id, label: `How ${post.author.handle} is behaving in general` });
  return targets;
}
