import type { FilterFold } from './personal-filters.js';
import type { AuthorView } from './common.js';
import type { CrisisResource } from './crisis-resources.js';
import type { ContentWarningCategory, WarningPreference } from './content-warnings.js';

export const THREAD_TITLE_MAX_LENGTH = 200;
export const POST_BODY_MAX_LENGTH = 20_000;
export const WARNING_NOTE_MAX_LENGTH = 100;
export const PAGE_SIZE_MAX = 100;
export const SEARCH_QUERY_MAX_LENGTH = 200;

/**
 * A content-warning choice. `categories: []` with `noneApply: true` is the explicit
 * "none apply" answer a room can require; `note` is optional free text.
 */
export interface ContentWarningInput {
  categories: ContentWarningCategory[];
  noneApply?: boolean;
  note?: string;
}

export interface ContentWarningView {
  categories: ContentWarningCategory[];
  note: string | null;
  /**
   * Which of `categories` Kindred added automatically because the words suggested a crisis
   * (labelled "added automatically"); never shown to the author. Absent when none.
   */
  automatic?: ContentWarningCategory[];
}

export const PostStatus = {
  Published: 'published',
  /** Held for review under pre-moderation; only the author and moderators see it. */
  Pending: 'pending',
  Rejected: 'rejected',
  /** Hidden by a moderator pending review. */
  Hidden: 'hidden',
  Removed: 'removed',
  /** Deleted by its author (soft). */
  Deleted: 'deleted',
} as const;
export type PostStatus = (typeof PostStatus)[keyof typeof PostStatus];

export const REACTION_KINDS = ['strength', 'relate', 'thank-you', 'hug'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const REACTION_LABELS: Record<ReactionKind, string> = {
  strength: 'Sending strength',
  relate: 'I relate',
  'thank-you': 'Thank you',
  hug: 'Hug',
};

/** How the viewer's preferences apply: `warn` means the app collapses it until tapped. */
export type Presentation = Exclude<WarningPreference, 'hide'>;

export interface PostView {
  kind: 'post';
  id: string;
  threadId: string;
  author: AuthorView;
  body: string;
  bodyHtml: string;
  warning: ContentWarningView;
  presentation: Presentation;
  status: PostStatus;
  createdAt: string;
  editedAt: string | null;
  replyToPostId: string | null;
  /** With `replyToPostId`: the post it answers, as this reader may see it now. */
  replyTo?: ReplyToView;
  reactions: Record<ReactionKind, number>;
  myReactions: ReactionKind[];
  /** Only in the author's own create/edit response, when their words suggested crisis. */
  support?: CrisisResource[];
  /** With `support`: the warning readers got automatically, which the author may add as their own (one click, an edit). */
  supportWarning?: ContentWarningCategory[];
  /** Folded by one of the viewer's own `warn` filters. */
  filter?: FilterFold;
}

/** How long the quoted excerpt of the answered post is, at most (characters of plain text). */
export const REPLY_EXCERPT_MAX_LENGTH = 160;

/**
 * The post a reply answers, rendered for the reader: `shown` with a short plain-text excerpt;
 * `folded` when the reader's own `warn` choices fold it (the author, not the words); `unavailable`
 * when it is removed, hidden, held, deleted, in a category the reader hides, by someone they
 * blocked, or matched by their `hide` filter: nothing about it, not even who wrote it.
 */
export type ReplyToView =
  | { state: 'shown'; postId: string; author: AuthorView; excerpt: string }
  | { state: 'folded'; postId: string; author: AuthorView }
  | { state: 'unavailable'; postId: string };

/** Stands in for a post the viewer chose not to see; carries none of its content. */
export interface HiddenPostPlaceholder {
  kind: 'hidden';
  id: string;
  createdAt: string;
  reason: 'your-settings';
}

export type PostListItem = PostView | HiddenPostPlaceholder;

export interface ThreadSummary {
  id: string;
  roomId: string;
  title: string;
  author: AuthorView;
  warning: ContentWarningView;
  presentation: Presentation;
  pinned: boolean;
  locked: boolean;
  status: PostStatus;
  /** Posts the viewer can see (hidden ones are not counted). */
  postCount: number;
  createdAt: string;
  lastActivityAt: string;
  muted: boolean;
  /** The viewer follows the thread (they started it, replied, or chose to); their mute wins over it. */
  followed: boolean;
  /** Never opened by the viewer, and started since they joined the room or last marked it read. */
  isNew: boolean;
  /** Posts after where the viewer stopped reading, that they can see (0 for a thread never opened), at most UNREAD_COUNT_CAP. */
  unreadPosts: number;
  /** The title matched one of the viewer's own `warn` filters. */
  filter?: FilterFold;
}

/**
 * Unread and new counts stop here: a reader needs "a lot", not an exact large number, and
 * counting stops early instead of reading every unread post (the app shows "99+").
 */
export const UNREAD_COUNT_CAP = 100;

/** Where the viewer stopped reading a thread. */
export interface ThreadReadMarker {
  /** The last post they were shown: the "new since your last visit" divider goes after it. */
  postId: string;
  /** Pass as `cursor` to the thread's posts to start at the first unread post. */
  cursor: string;
}

export interface ThreadDetail extends ThreadSummary {
  firstPost: PostView;
  /** Null when the viewer never opened the thread (or is not signed in). */
  lastRead: ThreadReadMarker | null;
  /** Only in the author's own create response, when their words suggested crisis: shown privately. */
  support?: CrisisResource[];
  /** With `support`: the warning readers got automatically, which the author may add as their own. */
  supportWarning?: ContentWarningCategory[];
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
  /** How many items on this page were left out because of the viewer's settings. */
  hiddenCount: number;
}

export interface CreateThreadRequest {
  title: string;
  body: string;
  warning?: ContentWarningInput;
}

export interface CreatePostRequest {
  body: string;
  warning?: ContentWarningInput;
  replyToPostId?: string;
}

/** Text to render as a post would be, without saving anything (`POST /api/posts/preview`). */
export interface PreviewPostRequest {
  body: string;
}

/** The HTML the server would store for that text: its own Markdown renderer and sanitiser. */
export interface PostPreview {
  bodyHtml: string;
}

export interface EditPostRequest {
  body: string;
  warning?: ContentWarningInput;
}

export interface SetWarningRequest extends ContentWarningInput {
  reason: string;
}

export interface PostRevisionView {
  id: string;
  body: string;
  warning: ContentWarningView;
  editedAt: string;
  editor: AuthorView;
}

export interface SearchResult {
  post: PostView;
  thread: { id: string; title: string; warning: ContentWarningView; presentation: Presentation; filter?: FilterFold };
  room: { id: string; slug: string; name: string };
}
