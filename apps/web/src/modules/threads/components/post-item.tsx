import type { PostStatus, PostView } from '@kindred/contracts';
import { useState } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useErrorText } from '../../../shared/i18n/error-text';
import type { Translate } from '../../../shared/i18n/use-t';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { WarningBadges } from '../../content-warnings/components/warning-badges';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { presentationFor } from '../../content-warnings/lib/presentation';
import { SavePostButton } from '../../bookmarks/components/save-post-button';
import { LazyReportDialog } from '../../reports/components/lazy-report-dialog';
import type { ReportTarget } from '../../reports/components/report-dialog';
import { BlockMemberDialog } from '../../safety/components/block-member-dialog';
import { LazyStartConversationDialog } from '../../conversations/components/lazy-start-conversation-dialog';
import { MarkMissedCrisis } from '../../care/components/detector/mark-missed-crisis';
import { useDeletePost } from '../hooks/use-thread';
import { EditPostForm } from './edit-post-form';
import { PendingNotice } from './pending-notice';
import { ReactionBar } from './reaction-bar';
import { postRevealId, threadRevealId } from '../lib/reveal-keys';
import { postElementId, replyTargetKey } from '../lib/draft-keys';
import { setDraft } from '../../../shared/lib/drafts';
import { ReplyToQuote } from './reply-to-quote';
import { useT } from '../../../shared/i18n/use-t';
import { T } from '../../../shared/i18n/t';
import { isPlaceholderAuthor, useAuthorName } from '../../../shared/i18n/author-name';

/** Shown to moderators, who still see posts that are gone for everyone else. */
const STATUS_LABELS: Partial<Record<PostStatus, MessageId>> = {
  hidden: 'threads.status.hidden',
  removed: 'threads.status.removed',
  deleted: 'threads.status.deleted',
  rejected: 'threads.status.rejected',
};

interface PostItemProps {
  post: PostView;
  isOpening: boolean;
  viewerId: string;
  canPost: boolean;
  /** The reply box is on the page (a member, and the thread is open to replies). */
  canReply?: boolean;
  canModerate?: boolean;
  onDeleted: (wasOpening: boolean) => void;
  onBlocked: (handle: string, authorId: string) => void;
}

export function PostItem({ post, isOpening, viewerId, canPost, canReply = false, canModerate = false, onDeleted, onBlocked }: PostItemProps) {
  const t = useT();
  const authorName = useAuthorName();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [asking, setAsking] = useState(false);
  const remove = useDeletePost(post.threadId);
  const own = post.author.id === viewerId;
  const editable = own && (post.status === 'published' || post.status === 'pending');
  const statusLabel = STATUS_LABELS[post.status];
  // Posts by deleted accounts carry a placeholder author that cannot be blocked.
  const blockable = !own && !isPlaceholderAuthor(post.author);
  const author = authorName(post.author);

  return (
    <article id={postElementId(post.id)} tabIndex={-1} className={`post${isOpening ? ' post--opening' : ''}`} aria-label={t(isOpening ? 'threads.post.openingBy' : 'threads.post.replyBy', { handle: author })}>
      <header className="post__header">
        <span className="post__author">{author}</span>
        {own && <span className="badge">{t('threads.post.you')}</span>}
        <span className="muted">
          <TimeAgo iso={post.createdAt} />
          {post.editedAt && ` · ${t('threads.post.edited')}`}
        </span>
        {statusLabel && <span className="badge">{t(statusLabel)}</span>}
      </header>
      {post.status === 'pending' && own && <PendingNotice what={isOpening ? 'thread' : 'reply'} />}
      {post.replyTo && <ReplyToQuote replyTo={post.replyTo} />}
      {editing ? (
        <EditPostForm post={post} onDone={() => setEditing(false)} />
      ) : (
        <WarningGate id={isOpening ? threadRevealId(post.threadId) : postRevealId(post.id)} warning={post.warning} presentation={presentationFor(post, viewerId)} what="post" filter={post.filter}>
          {() => (
            <>
              <WarningBadges categories={post.warning.categories} automatic={post.warning.automatic} />
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
            {canReply && post.status === 'published' && (
              <button type="button" className="button button--small button--quiet" onClick={() => replyToThis(post.threadId, post.id, author)}>
                <T id="threads.post.replyTo" values={{ handle: author }} components={{ hidden: <span className="visually-hidden" /> }} />
              </button>
            )}
            {editable && (
              <>
                <button type="button" className="button button--small button--quiet" onClick={() => setEditing(true)}>
                  <T id="threads.post.edit" components={{ hidden: <span className="visually-hidden" /> }} />
                </button>
                <button type="button" className="button button--small button--quiet" onClick={() => setConfirmDelete(true)}>
                  <T id="threads.post.delete" components={{ hidden: <span className="visually-hidden" /> }} />
                </button>
              </>
            )}
            {!own && (
              <button type="button" className="button button--small button--quiet" onClick={() => setReporting(true)}>
                <T
                  id={isOpening ? 'threads.post.reportThread' : 'threads.post.reportReply'}
                  values={{ handle: author }}
                  components={{ hidden: <span className="visually-hidden" /> }}
                />
              </button>
            )}
            {blockable && (
              <button type="button" className="button button--small button--quiet" onClick={() => setConfirmBlock(true)}>
                {t('threads.post.block', { handle: post.author.handle })}
              </button>
            )}
            {post.status === 'published' && <SavePostButton postId={post.id} what={t(isOpening ? 'threads.post.openingBy' : 'threads.post.replyBy', { handle: author })} />}
            {blockable && canPost && (
              <button type="button" className="button button--small button--quiet" onClick={() => setAsking(true)}>
                {t('chat.message.startConversation', { handle: post.author.handle })}
              </button>
            )}
            {canModerate && !own && <MarkMissedCrisis sourceId={post.id} what={t(isOpening ? 'threads.post.openingBy' : 'threads.post.replyBy', { handle: post.author.handle })} />}
          </div>
        </footer>
      )}
      {asking && <LazyStartConversationDialog member={post.author} onClose={() => setAsking(false)} />}
      {reporting && <LazyReportDialog targets={reportTargets(post, isOpening, blockable, t)} onClose={() => setReporting(false)} />}
      <ConfirmDialog
        open={confirmDelete}
        title={t(isOpening ? 'threads.delete.threadTitle' : 'threads.delete.postTitle')}
        confirmLabel={t(isOpening ? 'threads.delete.thread' : 'threads.delete.post')}
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error) : null}
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
        <p>{t(isOpening ? 'threads.delete.threadBody' : 'threads.delete.postBody')}</p>
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

function reportTargets(post: PostView, isOpening: boolean, memberReportable: boolean, t: Translate): ReportTarget[] {
  const targets: ReportTarget[] = isOpening
    ? [
        { type: 'thread', id: post.threadId, label: t('threads.report.thread') },
        { type: 'post', id: post.id, label: t('threads.report.openingPost') },
      ]
    : [{ type: 'post', id: post.id, label: t('threads.report.reply') }];
  if (memberReportable) targets.push({ type: 'member', id: post.author.id, label: t('threads.report.member', { handle: post.author.handle }) });
  return targets;
}

/** Points the reply box at this post and takes the member there. */
function replyToThis(threadId: string, postId: string, handle: string): void {
  setDraft(replyTargetKey(threadId), { postId, handle });
  const box = document.getElementById('reply-body');
  box?.scrollIntoView({ block: 'center' });
  box?.focus({ preventScroll: true });
}
