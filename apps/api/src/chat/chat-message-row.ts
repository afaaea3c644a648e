import { FORMER_MEMBER_HANDLE, type ChatItem, type ChatMessageStatus, type ChatMessageView, type ContentWarningCategory, type ContentWarningView, type FilterFold, type HiddenChatMessage, type Presentation } from '@kindred/contracts';
import { warningView, type ViewerFilter } from '../safety/viewer-filter.js';

export interface ChatMessageRow {
  id: string;
  room_id: string;
  seq: string;
  author_id: string;
  handle: string | null;
  client_id: string;
  body: string;
  content_warnings: ContentWarningCategory[];
  auto_warnings: ContentWarningCategory[];
  warning_note: string | null;
  reply_to_message_id: string | null;
  status: ChatMessageStatus;
  created_at: Date;
  edited_at: Date | null;
}

export const CHAT_MESSAGE_COLUMNS = `m.id, m.room_id, m.seq, m.author_id, u.handle, m.client_id, m.body, m.content_warnings,
  m.auto_warnings, m.warning_note, m.reply_to_message_id, m.status, m.created_at, m.edited_at`;

/**
 * `warning`: as one viewer sees it (history, replay). Live messages go to the whole room in one
 * payload, so they carry the readers' warning: the author's own and the automatic categories.
 */
export function toChatMessageView(row: ChatMessageRow, presentation: Presentation, warning: ContentWarningView = liveWarning(row)): ChatMessageView {
  return {
    kind: 'message',
    id: row.id,
    roomId: row.room_id,
    seq: Number(row.seq),
    clientId: row.client_id,
    author: { id: row.author_id, handle: row.handle ?? FORMER_MEMBER_HANDLE },
    body: row.body,
    warning,
    presentation,
    replyToMessageId: row.reply_to_message_id,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
  };
}

/** The warning every reader but the author gets: the automatic categories are labelled. */
export function liveWarning(row: ChatMessageRow): ContentWarningView {
  return warningView(liveCategories(row), row.warning_note, row.auto_warnings.filter((c) => !row.content_warnings.includes(c)));
}

/** The categories that decide who is left out of a live delivery. */
export const liveCategories = (row: ChatMessageRow): ContentWarningCategory[] => [...new Set([...row.content_warnings, ...row.auto_warnings])];

/** Live messages go to many people at once: `warn` whenever a warning exists; each app applies its own `show`. */
export const livePresentation = (categories: readonly ContentWarningCategory[]): Presentation => (categories.length > 0 ? 'warn' : 'show');

/** Where a message the viewer hides sits, and nothing else (see HiddenChatMessage). */
export function hiddenChatMessage(message: { roomId: string; seq: number; createdAt: string }): HiddenChatMessage {
  return { kind: 'hidden', roomId: message.roomId, seq: message.seq, createdAt: message.createdAt, reason: 'your-settings' };
}

/**
 * What one viewer gets (room chat and private conversations alike): a message they hide (its
 * category, or its author blocked) becomes a placeholder that keeps only its place, so the app
 * can keep onboarding's promise of a quiet note; the words never leave the server. Their own
 * words are never hidden from them.
 */
export function viewerItems(rows: ChatMessageRow[], filter: ViewerFilter): ChatItem[] {
  return rows.map((r) => {
    const filtered = filter.filtered(r.author_id, r.body, r.warning_note);
    if ((r.author_id !== filter.viewerId && filter.hides(filter.seen(r.content_warnings, r.auto_warnings, r.author_id), r.author_id)) || filtered?.hide) {
      return hiddenChatMessage({ roomId: r.room_id, seq: Number(r.seq), createdAt: r.created_at.toISOString() });
    }
    const view = toChatMessageView(r, filter.presentation(filter.seen(r.content_warnings, r.auto_warnings, r.author_id)), filter.warningView(r.content_warnings, r.warning_note, r.auto_warnings, r.author_id));
    return filtered ? foldedCopy(view, filtered.fold) : view;
  });
}

/** One reader's copy of a message folded by their own `warn` filter, behind their own label. */
export const foldedCopy = (message: ChatMessageView, fold: FilterFold): ChatMessageView => ({ ...message, filter: fold });
