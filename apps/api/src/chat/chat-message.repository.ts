import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UNREAD_COUNT_CAP, type ChatMessageStatus, type ReactionKind } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { PreparedQueries } from '../database/prepared-queries.js';
import type { NormalizedWarning } from '../common/content-warning.js';
import { hiddenByWarningSql } from '../safety/viewer-filter.js';
import { groupBy } from '../common/group-by.js';
import { CHAT_MESSAGE_COLUMNS, type ChatMessageRow } from './chat-message-row.js';

export interface ChatRoomRow {
  room_id: string;
  locked: boolean;
  slow_mode_seconds: number;
  pinned_notice: string | null;
  /** The room's latest change number (edits and removals), for replay's change feed. */
  last_change: string;
}

export interface NewChatMessage {
  roomId: string;
  authorId: string;
  clientId: string;
  body: string;
  warning: NormalizedWarning;
}

/** Chat settings a moderator can change, by column. */
export interface ChatRoomChanges {
  slow_mode_seconds?: number;
  locked?: boolean;
  locked_by_session?: boolean;
  pinned_notice?: string | null;
}

/** A message next to a reported one, for the moderator's context. */
export interface NearbyMessageRow {
  id: string;
  author_id: string;
  handle: string | null;
  body: string;
  created_at: Date;
}

const STATE_SQL = 'SELECT room_id, locked, slow_mode_seconds, pinned_notice, last_change FROM chat_rooms WHERE room_id = $1';

/**
 * Every query on `chat_messages`, `chat_rooms`, `chat_read_markers` and `chat_message_reactions`. The statements on
 * the send, replay and history paths run as prepared statements (outside a transaction):
 * they are the chat's measured hot path (docs/benchmarks.md).
 */
@Injectable()
export class ChatMessageRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  /** The room's chat settings; a room's first use creates its row. */
  async state(roomId: string, manager?: EntityManager): Promise<ChatRoomRow> {
    // Nearly always the row exists: one read.
    let [row] = await this.prepared.query<ChatRoomRow>(STATE_SQL, [roomId], manager);
    if (!row) {
      await (manager ?? this.db.manager).query('INSERT INTO chat_rooms (room_id) VALUES ($1) ON CONFLICT DO NOTHING', [roomId]);
      [row] = await this.prepared.query<ChatRoomRow>(STATE_SQL, [roomId], manager);
    }
    return row!;
  }

  /** A private conversation's chat, under the conversation's id (see ChatRoomEntity). */
  async openConversationChannel(conversationId: string, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO chat_rooms (room_id, kind) VALUES ($1, 'conversation')`, [conversationId]);
  }

  async updateRoom(roomId: string, changes: ChatRoomChanges, manager: EntityManager): Promise<void> {
    const columns = Object.keys(changes) as (keyof ChatRoomChanges)[];
    await manager.query(
      `UPDATE chat_rooms SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE room_id = $1`,
      [roomId, ...columns.map((c) => changes[c])],
    );
  }

  /** The chat's lock, for a change that depends on it; the row stays locked until the transaction ends. */
  async lockState(roomId: string, manager: EntityManager): Promise<{ locked: boolean; bySession: boolean } | undefined> {
    const [row] = (await manager.query('SELECT locked, locked_by_session FROM chat_rooms WHERE room_id = $1 FOR UPDATE', [roomId])) as { locked: boolean; locked_by_session: boolean }[];
    return row && { locked: row.locked, bySession: row.locked_by_session };
  }

  /** Messages matching `where` (published only), in `seq` order. */
  rows(where: string, params: unknown[], order: 'ASC' | 'DESC', limit: number): Promise<ChatMessageRow[]> {
    return this.prepared.query<ChatMessageRow>(
      `SELECT ${CHAT_MESSAGE_COLUMNS} FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id
       WHERE ${where} AND m.status = 'published' ORDER BY m.seq ${order} LIMIT ${limit}`,
      params,
    );
  }

  /** The newest messages of a room, newest first. */
  latest(roomId: string, limit: number): Promise<ChatMessageRow[]> {
    return this.rows('m.room_id = $1', [roomId], 'DESC', limit);
  }

  /** The messages before `seq`, newest first. */
  before(roomId: string, seq: string, limit: number): Promise<ChatMessageRow[]> {
    return this.rows('m.room_id = $1 AND m.seq < $2', [roomId, seq], 'DESC', limit);
  }

  async byId(id: string): Promise<ChatMessageRow | undefined> {
    return (await this.rows('m.id = $1', [id], 'ASC', 1))[0];
  }

  async byClientId(authorId: string, clientId: string): Promise<ChatMessageRow | undefined> {
    return (await this.rows('m.author_id = $1 AND m.client_id = $2', [authorId, clientId], 'ASC', 1))[0];
  }

  /**
   * Replay: the messages after `messageId` in one query, oldest first; undefined when that
   * message is not in this room.
   */
  async after(roomId: string, messageId: string, limit: number): Promise<ChatMessageRow[] | undefined> {
    const rows = await this.prepared.query<ChatMessageRow>(
      `SELECT ${CHAT_MESSAGE_COLUMNS}
       FROM (SELECT seq FROM chat_messages WHERE id = $2 AND room_id = $1) anchor
       LEFT JOIN LATERAL (
         SELECT * FROM chat_messages n WHERE n.room_id = $1 AND n.seq > anchor.seq AND n.status = 'published' ORDER BY n.seq ASC LIMIT ${limit}
       ) m ON true
       LEFT JOIN users u ON u.id = m.author_id
       ORDER BY m.seq ASC`,
      [roomId, messageId],
    );
    if (rows.length === 0) return undefined;
    return rows.filter((r) => r.id !== null);
  }

  async seqOf(messageId: string, roomId: string): Promise<string | undefined> {
    const [row] = (await this.db.query('SELECT seq FROM chat_messages WHERE id = $1 AND room_id = $2', [messageId, roomId])) as { seq: string }[];
    return row?.seq;
  }

  /**
   * The common case in one autocommitted statement: draw the next `seq` under the room row's
   * lock and insert, when no room rule can refuse it (chat open and no slow mode, or
   * `exempt`). Returns undefined when a rule might apply; a skipped UPDATE leaves no gap in
   * `seq`. Committed before it returns.
   */
  async insertUnlessRuled(message: NewChatMessage, exempt: boolean): Promise<ChatMessageRow | undefined> {
    const rows = await this.prepared.query<ChatMessageRow>(
      `WITH room AS (
         UPDATE chat_rooms SET last_seq = last_seq + 1
         WHERE room_id = $1 AND ($7 OR (NOT locked AND slow_mode_seconds <= 0))
         RETURNING last_seq
       ), m AS (
         INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, content_warnings, warning_note, created_at)
         SELECT $1, room.last_seq, $2, $3, $4, $5, $6, clock_timestamp() FROM room
         RETURNING *
       )
       SELECT ${CHAT_MESSAGE_COLUMNS} FROM m LEFT JOIN users u ON u.id = m.author_id`,
      [message.roomId, message.authorId, message.clientId, message.body, message.warning.categories, message.warning.note, exempt],
    );
    return rows[0];
  }

  /**
   * Group commit: `insertUnlessRuled` for several messages of one room in one autocommitted
   * statement (one WAL flush), with consecutive `seq`s in the given order. Each message's
   * answer is in the same place as in `insertUnlessRuled`: its row, or undefined when a room
   * rule might apply to it (the rule is read under the room row's lock, as there). All or
   * nothing: a failure commits none of them.
   */
  async insertManyUnlessRuled(roomId: string, messages: (Omit<NewChatMessage, 'roomId'> & { exempt: boolean })[]): Promise<(ChatMessageRow | undefined)[]> {
    const input = messages.map((m, ord) => ({
      ord,
      author_id: m.authorId,
      client_id: m.clientId,
      body: m.body,
      content_warnings: m.warning.categories,
      warning_note: m.warning.note,
      exempt: m.exempt,
    }));
    const rows = await this.prepared.query<ChatMessageRow>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS i(ord int, author_id uuid, client_id varchar, body text, content_warnings text[], warning_note varchar, exempt boolean)
       ), room AS (
         UPDATE chat_rooms r
         SET last_seq = r.last_seq + (SELECT count(*) FROM input WHERE exempt OR (NOT r.locked AND r.slow_mode_seconds <= 0))
         WHERE r.room_id = $1
         RETURNING r.last_seq, NOT r.locked AND r.slow_mode_seconds <= 0 AS open
       ), admitted AS (
         SELECT input.*, room.last_seq, row_number() OVER (ORDER BY input.ord) AS n, count(*) OVER () AS total
         FROM input CROSS JOIN room WHERE input.exempt OR room.open
       ), m AS (
         INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, content_warnings, warning_note, created_at)
         SELECT $1, last_seq - total + n, author_id, client_id, body, content_warnings, warning_note, clock_timestamp() FROM admitted ORDER BY n
         RETURNING *
       )
       SELECT ${CHAT_MESSAGE_COLUMNS} FROM m LEFT JOIN users u ON u.id = m.author_id`,
      [roomId, JSON.stringify(input)],
    );
    // (author, client id) is unique, so it names each message's row.
    const byClient = new Map(rows.map((r) => [`${r.author_id}/${r.client_id}`, r]));
    return messages.map((m) => byClient.get(`${m.authorId}/${m.clientId}`));
  }

  /** The room row's lock hands out `seq` in commit order (see ChatRoomEntity). */
  async nextSeq(roomId: string, manager: EntityManager): Promise<{ last_seq: string; locked: boolean; slow_mode_seconds: number }> {
    const [rows] = (await manager.query('UPDATE chat_rooms SET last_seq = last_seq + 1 WHERE room_id = $1 RETURNING last_seq, locked, slow_mode_seconds', [roomId])) as [
      { last_seq: string; locked: boolean; slow_mode_seconds: number }[],
      number,
    ];
    return rows[0]!;
  }

  async insert(message: NewChatMessage & { seq: string; replyToMessageId: string | null }, manager: EntityManager): Promise<ChatMessageRow> {
    const [inserted] = (await manager.query(
      `WITH m AS (
         INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, content_warnings, warning_note, reply_to_message_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp()) RETURNING *
       )
       SELECT ${CHAT_MESSAGE_COLUMNS} FROM m LEFT JOIN users u ON u.id = m.author_id`,
      [message.roomId, message.seq, message.authorId, message.clientId, message.body, message.warning.categories, message.warning.note, message.replyToMessageId],
    )) as ChatMessageRow[];
    return inserted!;
  }

  /** When the member last wrote in this room's chat, for slow mode. */
  async lastSentAt(roomId: string, userId: string, manager: EntityManager): Promise<Date | undefined> {
    const [last] = (await manager.query(`SELECT created_at FROM chat_messages WHERE room_id = $1 AND author_id = $2 ORDER BY created_at DESC LIMIT 1`, [roomId, userId])) as {
      created_at: Date;
    }[];
    return last?.created_at;
  }

  /** The author of a message in this room, or undefined when the message is not in it. */
  async authorInRoom(messageId: string, roomId: string, manager: EntityManager): Promise<string | undefined> {
    const [target] = (await manager.query('SELECT author_id FROM chat_messages WHERE id = $1 AND room_id = $2', [messageId, roomId])) as { author_id: string }[];
    return target?.author_id;
  }

  async edit(id: string, body: string, warning: NormalizedWarning, editedAt: Date): Promise<void> {
    await this.change('body = $2, content_warnings = $3, warning_note = $4, edited_at = $5', 'id = $1', [id, body, warning.categories, warning.note, editedAt]);
  }

  async setStatus(id: string, status: ChatMessageStatus, manager: EntityManager = this.db.manager): Promise<void> {
    await this.change('status = $2', 'id = $1', [id, status], manager);
  }

  /** A moderator's warning replaces what was added automatically. */
  async setWarning(id: string, warning: NormalizedWarning, manager: EntityManager): Promise<void> {
    await this.change(`content_warnings = $2, warning_note = $3, auto_warnings = '{}'`, 'id = $1', [id, warning.categories, warning.note], manager);
  }

  /** The detector's warning on a message just written, before it is delivered (so not a change). */
  async setNewAutoWarnings(id: string, categories: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query('UPDATE chat_messages SET auto_warnings = $2 WHERE id = $1', [id, categories]);
  }

  /** Takes the automatic warning off (a moderator found it was not a crisis). */
  async clearAutoWarnings(id: string, manager: EntityManager): Promise<void> {
    await this.change(`auto_warnings = '{}'`, 'id = $1', [id], manager);
  }

  /**
   * Every edit and removal goes through here: the changed messages take their room's next
   * change number, drawn under the room row's lock (held to commit, as for `seq`), so change
   * numbers commit in order and "the changes after N" never misses a late commit.
   */
  private async change(set: string, where: string, params: unknown[], manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `WITH changed AS (SELECT DISTINCT room_id FROM chat_messages WHERE ${where}),
       room AS (UPDATE chat_rooms r SET last_change = r.last_change + 1 FROM changed WHERE r.room_id = changed.room_id RETURNING r.room_id, r.last_change)
       UPDATE chat_messages SET ${set}, changed_seq = room.last_change FROM room WHERE chat_messages.room_id = room.room_id AND ${where}`,
      params,
    );
  }

  /**
   * Replay's change feed: the messages of a room changed after change number `since`, whatever
   * their status now, in change order.
   */
  changedSince(roomId: string, since: number, limit: number): Promise<ChatMessageRow[]> {
    return this.prepared.query<ChatMessageRow>(
      `SELECT ${CHAT_MESSAGE_COLUMNS} FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id
       WHERE m.room_id = $1 AND m.changed_seq > $2 ORDER BY m.changed_seq ASC LIMIT ${limit}`,
      [roomId, since],
    );
  }

  /** Read markers only move forward; true when this one moved. */
  async markRead(userId: string, roomId: string, seq: string): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO chat_read_markers (user_id, room_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, room_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq, updated_at = now()
       WHERE chat_read_markers.last_read_seq < EXCLUDED.last_read_seq
       RETURNING 1`,
      [userId, roomId, seq],
    )) as unknown[];
    return rows.length > 0;
  }

  /** How far a member has read a channel (its `seq`), or null before they read anything. */
  async readMarkerOf(userId: string, roomId: string): Promise<number | null> {
    const [row] = (await this.db.query('SELECT last_read_seq FROM chat_read_markers WHERE user_id = $1 AND room_id = $2', [userId, roomId])) as { last_read_seq: string }[];
    return row ? Number(row.last_read_seq) : null;
  }

  /**
   * Unread messages per channel for one viewer, counted as their history shows them: published,
   * not their own, none by someone they blocked or in a category they hide, after their read
   * marker and (for a request: only its first message) up to `upToSeq`. Capped per channel.
   */
  async unreadCounts(viewerId: string, channels: { id: string; upToSeq: number | null }[], hidden: readonly string[], blocked: readonly string[]): Promise<Map<string, number>> {
    if (channels.length === 0) return new Map();
    const rows = (await this.db.query(
      `SELECT ch.id, (SELECT count(*)::int FROM (SELECT 1 FROM chat_messages m
           WHERE m.room_id = ch.id AND m.seq > coalesce(r.last_read_seq, 0) AND (ch.up_to_seq IS NULL OR m.seq <= ch.up_to_seq)
             AND m.status = 'published' AND m.author_id IS DISTINCT FROM $1::uuid
             AND NOT ${hiddenByWarningSql('m', '$3', '$1')} AND NOT (m.author_id = ANY($4::uuid[]))
           LIMIT ${UNREAD_COUNT_CAP}) capped) AS unread
       FROM jsonb_to_recordset($2::jsonb) AS ch(id uuid, up_to_seq bigint)
       LEFT JOIN chat_read_markers r ON r.user_id = $1 AND r.room_id = ch.id`,
      [viewerId, JSON.stringify(channels.map((c) => ({ id: c.id, up_to_seq: c.upToSeq }))), hidden, blocked],
    )) as { id: string; unread: number }[];
    return new Map(rows.map((r) => [r.id, r.unread]));
  }

  /** Where a message is (a room's chat or a private conversation), its author and place in it. */
  async roomAndAuthor(id: string): Promise<{ roomId: string; authorId: string; inConversation: boolean; seq: string } | undefined> {
    const [row] = (await this.db.query(
      `SELECT m.room_id, m.author_id, m.seq, r.kind = 'conversation' AS in_conversation FROM chat_messages m LEFT JOIN chat_rooms r ON r.room_id = m.room_id WHERE m.id = $1`,
      [id],
    )) as { room_id: string; author_id: string; seq: string; in_conversation: boolean | null }[];
    return row && { roomId: row.room_id, authorId: row.author_id, inConversation: !!row.in_conversation, seq: row.seq };
  }

  /**
   * A reported message in a private conversation and up to ten published ones around it (five
   * before, five after), oldest first: the snapshot moderators will see instead of the conversation.
   */
  snapshotAround(id: string): Promise<NearbyMessageRow[]> {
    return this.db.query(
      `SELECT m.id, m.author_id, u.handle, m.body, m.created_at FROM chat_messages target
       JOIN chat_messages m ON m.room_id = target.room_id AND m.seq BETWEEN target.seq - 5 AND target.seq + 5 AND (m.status = 'published' OR m.id = target.id)
       LEFT JOIN users u ON u.id = m.author_id
       WHERE target.id = $1 ORDER BY m.seq`,
      [id],
    );
  }

  /** The room of each of these messages (none for a private conversation's). */
  async roomsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; room_id: string }[] = await this.db.query(
      `SELECT m.id, m.room_id FROM chat_messages m JOIN chat_rooms r ON r.room_id = m.room_id WHERE m.id = ANY($1::uuid[]) AND r.kind = 'room'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.room_id]));
  }

  /**
   * Reported messages, whatever their status, each with the five before and after it; in a
   * private conversation the message alone (`conversation`: moderators never read one).
   * Two statements however many messages are asked about.
   */
  async withContext(ids: string[]): Promise<Map<string, { message: ChatMessageRow; around: NearbyMessageRow[]; conversation: boolean }>> {
    if (ids.length === 0) return new Map();
    const messages = (await this.db.query(
      `SELECT ${CHAT_MESSAGE_COLUMNS}, r.kind = 'conversation' AS in_conversation
       FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id LEFT JOIN chat_rooms r ON r.room_id = m.room_id WHERE m.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    )) as (ChatMessageRow & { in_conversation: boolean | null })[];
    const inRooms = messages.filter((m) => !m.in_conversation).map((m) => m.id);
    const around = inRooms.length
      ? groupBy(
          (await this.db.query(
            `SELECT t.id AS anchor_id, m.id, m.author_id, u.handle, m.body, m.created_at
             FROM chat_messages t JOIN chat_messages m ON m.room_id = t.room_id AND m.seq BETWEEN t.seq - 5 AND t.seq + 5
             LEFT JOIN users u ON u.id = m.author_id
             WHERE t.id = ANY($1::uuid[]) ORDER BY t.id, m.seq`,
            [inRooms],
          )) as (NearbyMessageRow & { anchor_id: string })[],
          (r) => r.anchor_id,
        )
      : new Map<string, NearbyMessageRow[]>();
    return new Map(messages.map((message) => [message.id, { message, around: around.get(message.id) ?? [], conversation: !!message.in_conversation }]));
  }

  /** The member's messages, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT id, room_id, body, content_warnings, status, created_at, edited_at FROM chat_messages WHERE author_id = $1 ORDER BY created_at', [userId]);
  }

  /** The member's own reactions on conversation messages, for their data export (never who else reacted). */
  exportReactionsFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT message_id, kind, created_at FROM chat_message_reactions WHERE user_id = $1 ORDER BY created_at', [userId]);
  }

  /** Account deletion with erasure: the member's words go. */
  async eraseByAuthor(userId: string, manager: EntityManager): Promise<void> {
    await this.change(`body = '', status = 'deleted'`, 'author_id = $1', [userId], manager);
  }

  /** Idempotent: reacting twice with the same kind is one reaction. */
  async setReaction(messageId: string, userId: string, kind: ReactionKind, on: boolean): Promise<boolean> {
    if (on) {
      const added = (await this.db.query('INSERT INTO chat_message_reactions (message_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', [messageId, userId, kind])) as unknown[];
      return added.length > 0;
    }
    const [, removed] = (await this.db.query('DELETE FROM chat_message_reactions WHERE message_id = $1 AND user_id = $2 AND kind = $3', [messageId, userId, kind])) as [unknown, number];
    return removed > 0;
  }

  /** Reaction counts per published message of a channel and kind, none by `excludedUserIds`, and whether the viewer gave each. */
  reactionsIn(roomId: string, viewerId: string, excludedUserIds: readonly string[]): Promise<{ message_id: string; kind: ReactionKind; n: number; mine: boolean }[]> {
    return this.db.query(
      `SELECT r.message_id, r.kind, count(*)::int AS n, bool_or(r.user_id = $2) AS mine
       FROM chat_message_reactions r JOIN chat_messages m ON m.id = r.message_id
       WHERE m.room_id = $1 AND m.status = 'published' AND NOT (r.user_id = ANY($3::uuid[]))
       GROUP BY r.message_id, r.kind ORDER BY r.message_id, r.kind`,
      [roomId, viewerId, excludedUserIds],
    );
  }

  /** Account deletion: read markers and reactions go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM chat_read_markers WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM chat_message_reactions WHERE user_id = $1', [userId]);
  }
}
