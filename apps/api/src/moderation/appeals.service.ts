import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, isAppealableAction, QueueItemKind, Severity, ErrorReason } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import { burnPasswordCheck, verifyPassword } from '../auth/password.js';
import { UserRepository } from '../users/user.repository.js';
import { ModerationLogService } from './moderation-log.service.js';
import { QueueRepository } from './queue.repository.js';
import { QueueRaiser } from './queue-raiser.js';

/** A member asks for a second look at an action taken on them or their content. */
@Injectable()
export class AppealsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueRaiser,
    private readonly items: QueueRepository,
    private readonly log: ModerationLogService,
    private readonly users: UserRepository,
  ) {}

  /** Banned members cannot sign in, so they prove who they are with their password here. */
  async appealBan(handle: string, password: string, message: string): Promise<{ queueItemId: string }> {
    const user = await this.users.liveCredentials(handle);
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    if (!user || !valid) throw new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.InvalidCredentials, message: 'That handle and password do not match.' });
    const banId = await this.log.latestBanOf(user.id);
    if (!banId) throw AppError.notFound('This account is not banned.', 'sanction');
    return this.appeal({ id: user.id, role: user.role }, banId, message);
  }

  async appeal(member: Actor, logEntryId: string, message: string): Promise<{ queueItemId: string }> {
    const entry = await this.log.entry(logEntryId);
    if (!entry || entry.subject_user_id !== member.id) throw AppError.notFound('There is no decision about you with that id.', 'decision');
    if (!isAppealableAction(entry.action)) {
      throw new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.NotAppealable, message: 'Only a restriction on you or your content can be appealed; this was not one.' });
    }
    if (await this.items.hasOpenAppeal(logEntryId)) throw AppError.conflict('You have already appealed this decision; a moderator will get back to you.', ErrorReason.AlreadyAppealed);
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
