import type { CurrentUser, ModerationActionType, ReportTargetType } from '@kindred/contracts';
import { ModerationActionType as A, Role } from '@kindred/contracts';
import type { QueueItem } from '../../api/moderation-api';
import type { Translate } from '../../../../shared/i18n/use-t';
import { ACTION_LABELS } from '../../lib/labels';
import { isPlaceholderAuthor } from '../../../../shared/i18n/author-name';

export interface ActionOption {
  key: string;
  type: ReportTargetType;
  id: string;
  action: ModerationActionType;
  label: string;
  /** Member actions inside the item's room carry the room. */
  roomId?: string;
}

/** Mirrors the API: which actions apply to which kind of target. */
const CONTENT_ACTIONS: Record<Exclude<ReportTargetType, 'member'>, ModerationActionType[]> = {
  post: [A.Hide, A.Remove, A.Restore, A.SetWarning, A.Approve, A.Reject],
  thread: [A.Hide, A.Remove, A.Restore, A.SetWarning, A.Lock, A.Unlock, A.Pin, A.Unpin, A.Move, A.Approve, A.Reject],
  message: [A.Remove, A.Restore, A.SetWarning],
};

const REMOVED = new Set(['removed', 'hidden', 'rejected', 'deleted']);

/**
 * The actions that make sense for this item: on the content itself (only those that fit its
 * current state), then on its author. Suspend and ban are for site moderators only.
 */
export function actionOptions(item: QueueItem, viewer: CurrentUser | null, t: Translate): ActionOption[] {
  const options: ActionOption[] = [];
  const { target } = item;
  const staff = viewer?.role === Role.Moderator || viewer?.role === Role.Admin;
  if (target.type !== 'member') {
    const held = target.status === 'pending';
    const gone = !!target.status && REMOVED.has(target.status);
    for (const action of CONTENT_ACTIONS[target.type]) {
      if ((action === A.Approve || action === A.Reject) && !held) continue;
      if (held && action !== A.Approve && action !== A.Reject) continue;
      if (action === A.Restore && !gone) continue;
      if ((action === A.Remove || action === A.Hide) && gone) continue;
      options.push({ key: `${target.type}:${action}`, type: target.type, id: target.id, action, label: t(ACTION_LABELS[action]) });
    }
  }
  const author = target.author;
  if (author && !isPlaceholderAuthor(author) && author.id !== viewer?.id) {
    const roomId = item.roomId ?? undefined;
    const memberActions: ModerationActionType[] = [A.Warn];
    if (roomId) memberActions.push(A.Mute);
    if (staff) memberActions.push(A.Suspend, A.Ban);
    memberActions.push(A.Lift);
    for (const action of memberActions) {
      // Without a room, warnings and lifts are site-wide: staff only.
      if (!roomId && !staff) continue;
      options.push({
        key: `member:${action}`,
        type: 'member',
        id: author.id,
        action,
        label: t(ACTION_LABELS[action], { who: author.handle }),
        ...(roomId && action !== A.Suspend && action !== A.Ban ? { roomId } : {}),
      });
    }
  }
  return options;
}
