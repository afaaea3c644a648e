import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, QueueItemKind, Severity } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import { burnPasswordCheck, verifyPassword } from '../auth/password.js';
import { QueueService } from './queue.service.js';

/** A member asks for a second look at an action taken on them or their content. */
@Injectable()
export class AppealsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
  ) {}

  /** Banned members cannot sign in, so they prove who they are with their password here. */
  async appealBan(handle: string, password: string, message: string): Promise<{ queueItemId: string }> {
    const [user] = (await this.db.query(`SELECT id, role, password_hash FROM users WHERE handle_key = $1 AND deleted_at IS NULL`, [handle.trim().toLowerCase()])) as { id: string; role: Actor['role']; password_hash: string }[];
    const valid = user ? await verifyPassword(user.password_hash, password) : (await burnPasswordCheck(password), false);
    if (!user || !valid) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.InvalidCredentials, 'That handle and password do not match.');
    const [ban] = (await this.db.query(
      `SELECT l.id FROM moderation_log l WHERE l.subject_user_id = $1 AND l.action = 'member.ban' ORDER BY l.created_at DESC LIMIT 1`,
      [user.id],
    )) as { id: string }[];
    if (!ban) throw AppError.notFound('This account is not banned.');
    return this.appeal({ id: user.id, role: user.role }, ban.id, message);
  }

  async appeal(member: Actor, logEntryId: string, message: string): Promise<{ queueItemId: string }> {
    const [entry] = (await this.db.query('SELECT id, room_id, target_type, target_id, subject_user_id FROM moderation_log WHERE id = $1', [logEntryId])) as {
      id: string;
      room_id: string | null;
      target_type: string;
      target_id: string;
      subject_user_id: string | null;
    }[];
    if (!entry || entry.subject_user_id !== member.id) throw AppError.notFound('There is no decision about you with that id.');
    const [open] = (await this.db.query(`SELECT id FROM queue_items WHERE appeal_of_log_id = $1 AND status IN ('open', 'claimed')`, [logEntryId])) as { id: string }[];
    if (open) throw new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict, 'You have already appealed this decision; a moderator will get back to you.');
    const targetType = (['post', 'thread', 'message'] as const).find((t) => t === entry.target_type) ?? 'member';
    const item = await this.db.transaction((manager) =>
      this.queue.raise(
        {
          kind: QueueItemKind.Appeal,
          severity: Severity.Other,
          roomId: entry.room_id,
          targetType,
          targetId: targetType === 'member' ? member.id : entry.target_id,
          subjectUserId: member.id,
          appealOfLogId: entry.id,
          appealMessage: message.trim(),
        },
        manager,
      ),
    );
    return { queueItemId: item.id };
  }
}
