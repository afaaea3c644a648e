import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConversationKind } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Participation, ParticipationLookup } from '../access/participation-lookup.js';
import type { ParticipantState } from './conversation-participant.entity.js';

export interface ParticipantRow {
  user_id: string;
  state: ParticipantState;
  as_team: boolean;
  muted: boolean;
}

export interface ConversationRow {
  id: string;
  kind: ConversationKind;
  started_by: string;
  created_at: Date;
  last_activity_at: Date;
  participants: ParticipantRow[];
}

export interface NewConversation {
  kind: ConversationKind;
  startedBy: string;
  participants: { userId: string; state: ParticipantState; asTeam: boolean }[];
}

/** States in which a member sees a conversation at all. */
const VISIBLE = `('invited', 'active')`;

const CONVERSATION_COLUMNS = `c.id, c.kind, c.started_by, c.created_at, c.last_activity_at,
  (SELECT json_agg(json_build_object('user_id', p.user_id, 'state', p.state, 'as_team', p.as_team, 'muted', p.muted) ORDER BY p.user_id)
   FROM conversation_participants p WHERE p.conversation_id = c.id) AS participants`;

/** Every query on `conversations` and `conversation_participants`. */
@Injectable()
export class ConversationRepository implements ParticipationLookup {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async participation(conversationId: string, userId: string): Promise<Participation | null> {
    const [row] = (await this.db.query(
      'SELECT c.kind, p.state FROM conversation_participants p JOIN conversations c ON c.id = p.conversation_id WHERE p.conversation_id = $1 AND p.user_id = $2',
      [conversationId, userId],
    )) as Participation[];
    return row ?? null;
  }

  /**
   * Holds the sender's request count still until this transaction ends, so two requests sent
   * at once cannot both slip under the daily limit.
   */
  async lockRequestsOf(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('conversation-requests:' || $1::text))`, [userId]);
  }

  /** Peer conversations the member started since `since` that nobody has accepted yet (declined ones count). */
  async openRequestsSince(userId: string, since: Date, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM conversations c
       WHERE c.started_by = $1 AND c.kind = '${ConversationKind.Peer}' AND c.created_at > $2
         AND NOT EXISTS (SELECT 1 FROM conversation_participants p WHERE p.conversation_id = c.id AND p.user_id <> $1 AND p.state IN ('active', 'left'))`,
      [userId, since],
    )) as { n: number }[];
    return row!.n;
  }

  async create(conversation: NewConversation, manager: EntityManager): Promise<string> {
    const [row] = (await manager.query('INSERT INTO conversations (kind, started_by) VALUES ($1, $2) RETURNING id', [conversation.kind, conversation.startedBy])) as { id: string }[];
    const id = row!.id;
    await manager.query(
      `INSERT INTO conversation_participants (conversation_id, user_id, state, as_team)
       SELECT $1, p.user_id, p.state, p.as_team FROM jsonb_to_recordset($2::jsonb) AS p(user_id uuid, state varchar, as_team boolean)`,
      [id, JSON.stringify(conversation.participants.map((p) => ({ user_id: p.userId, state: p.state, as_team: p.asTeam })))],
    );
    return id;
  }

  async one(id: string): Promise<ConversationRow | undefined> {
    const [row] = (await this.db.query(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = $1`, [id])) as ConversationRow[];
    return row;
  }

  /** The member's requests and conversations, most recently active first. */
  inbox(userId: string, limit: number): Promise<ConversationRow[]> {
    return this.db.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
       JOIN conversation_participants mine ON mine.conversation_id = c.id AND mine.user_id = $1 AND mine.state IN ${VISIBLE}
       ORDER BY c.last_activity_at DESC, c.id LIMIT ${limit}`,
      [userId],
    );
  }

  /** Moves a member from one of `from` to `to`; false when they were not in one of `from`. */
  async moveParticipant(conversationId: string, userId: string, from: ParticipantState[], to: ParticipantState): Promise<boolean> {
    const [, changed] = (await this.db.query('UPDATE conversation_participants SET state = $3, updated_at = now() WHERE conversation_id = $1 AND user_id = $2 AND state = ANY($4::text[])', [
      conversationId,
      userId,
      to,
      from,
    ])) as [unknown, number];
    return changed > 0;
  }

  /** The inbox orders by the latest message. */
  async touch(conversationId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE conversations SET last_activity_at = greatest(last_activity_at, $2) WHERE id = $1', [conversationId, at]);
  }

  async setMuted(conversationId: string, userId: string, muted: boolean): Promise<void> {
    await this.db.query('UPDATE conversation_participants SET muted = $3, updated_at = now() WHERE conversation_id = $1 AND user_id = $2', [conversationId, userId, muted]);
  }

  /** The member's conversations, for their data export: only their own standing, never who else is in them. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query(
      `SELECT c.id, c.kind, c.started_by = $1 AS started_by_me, p.state, p.muted, c.created_at, c.last_activity_at
       FROM conversation_participants p JOIN conversations c ON c.id = p.conversation_id WHERE p.user_id = $1 ORDER BY c.created_at`,
      [userId],
    );
  }

  /**
   * Account deletion: the member leaves every conversation, and the requests they sent that
   * nobody answered are withdrawn. Returns whose standing changed where (for the gate's caches).
   */
  async forgetUser(userId: string, manager: EntityManager): Promise<{ conversationId: string; userIds: string[] }[]> {
    const rows = (await manager.query(
      `WITH mine AS (
         UPDATE conversation_participants SET state = 'left', updated_at = now() WHERE user_id = $1 AND state IN ${VISIBLE} RETURNING conversation_id, user_id
       ), withdrawn AS (
         UPDATE conversation_participants p SET state = 'declined', updated_at = now() FROM conversations c
         WHERE c.id = p.conversation_id AND c.started_by = $1 AND p.state = 'invited' RETURNING p.conversation_id, p.user_id
       )
       SELECT conversation_id, array_agg(user_id) AS user_ids FROM (SELECT * FROM mine UNION ALL SELECT * FROM withdrawn) changed GROUP BY conversation_id`,
      [userId],
    )) as { conversation_id: string; user_ids: string[] }[];
    return rows.map((r) => ({ conversationId: r.conversation_id, userIds: r.user_ids }));
  }

  /**
   * Blocking ends every one-to-one peer conversation (or request, either way) the blocker shares
   * with the blocked member, for the blocker only; the other side is not told. Returns them.
   */
  async endOneToOnes(blockerId: string, blockedId: string): Promise<string[]> {
    const [rows] = (await this.db.query(
      `UPDATE conversation_participants mine SET state = 'left', updated_at = now()
       FROM conversations c
       WHERE mine.conversation_id = c.id AND mine.user_id = $1 AND mine.state IN ${VISIBLE} AND c.kind = '${ConversationKind.Peer}'
         AND EXISTS (SELECT 1 FROM conversation_participants t WHERE t.conversation_id = c.id AND t.user_id = $2)
         AND (SELECT count(*) FROM conversation_participants a WHERE a.conversation_id = c.id) = 2
       RETURNING mine.conversation_id`,
      [blockerId, blockedId],
    )) as [{ conversation_id: string }[], number];
    return rows.map((r) => r.conversation_id);
  }
}
