import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../auth/password.js';
import { SessionService } from '../auth/session.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import type { UserEntity } from '../users/user.entity.js';
import type { MemberSettings, UpdateSettingsDto } from './dto/account.dto.js';

/** A member's own controls: visibility settings, exporting their data, leaving for good. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  settingsOf(user: UserEntity): MemberSettings {
    return { showPresence: user.showPresence, showTyping: user.showTyping, mentionsFrom: user.mentionsFrom };
  }

  async updateSettings(user: UserEntity, dto: UpdateSettingsDto): Promise<MemberSettings> {
    const next = { ...this.settingsOf(user), ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) } as MemberSettings;
    await this.db.query('UPDATE users SET show_presence = $2, show_typing = $3, mentions_from = $4 WHERE id = $1', [user.id, next.showPresence, next.showTyping, next.mentionsFrom]);
    return next;
  }

  /** Everything Kindred holds that is about this member, and nothing about anyone else. */
  async export(user: UserEntity): Promise<Record<string, unknown>> {
    const q = (sql: string) => this.db.query(sql, [user.id]);
    const [preferences, blocks, memberships, threads, posts, messages, reports, notifications, sessions] = await Promise.all([
      q('SELECT category, preference FROM warning_preferences WHERE user_id = $1'),
      q('SELECT u.handle AS blocked_handle, b.created_at FROM blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = $1'),
      q('SELECT r.name AS room, m.role, m.joined_at FROM room_memberships m JOIN rooms r ON r.id = m.room_id WHERE m.user_id = $1'),
      q('SELECT id, room_id, title, content_warnings, status, created_at FROM threads WHERE author_id = $1 ORDER BY created_at'),
      q('SELECT id, thread_id, body, content_warnings, warning_note, status, created_at, edited_at FROM posts WHERE author_id = $1 ORDER BY created_at'),
      q('SELECT id, room_id, body, content_warnings, status, created_at, edited_at FROM chat_messages WHERE author_id = $1 ORDER BY created_at'),
      q('SELECT target_type, target_id, category, note, created_at FROM reports WHERE reporter_id = $1 ORDER BY created_at'),
      q('SELECT kind, title, body, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at'),
      q('SELECT device, created_at, last_seen_at, revoked_at FROM sessions WHERE user_id = $1 ORDER BY created_at'),
    ]);
    return {
      exportedAt: this.clock.now().toISOString(),
      profile: { handle: user.handle, email: user.email, role: user.role, createdAt: user.createdAt.toISOString() },
      settings: this.settingsOf(user),
      warningPreferences: preferences,
      blocks,
      memberships,
      threads,
      posts,
      chatMessages: messages,
      reportsMade: reports,
      notifications,
      sessions,
    };
  }

  /**
   * Deletes the account. Content stays readable for context, credited to "former member",
   * unless the member asks to erase it. Sessions and sockets end at once.
   */
  async delete(user: UserEntity, password: string, eraseContent: boolean): Promise<void> {
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.InvalidCredentials, 'That password is not right.', [{ field: 'password', problem: 'Not your password.' }]);
    }
    await this.sessions.revokeAll(user.id, 'account-deleted');
    await this.db.transaction(async (manager) => {
      const run = (sql: string) => manager.query(sql, [user.id]);
      if (eraseContent) {
        await run(`UPDATE posts SET body = '', body_html = '', status = 'deleted' WHERE author_id = $1`);
        await run(`UPDATE chat_messages SET body = '', status = 'deleted' WHERE author_id = $1`);
        await run(`UPDATE threads SET title = '(removed)', status = 'deleted' WHERE author_id = $1`);
        await run(`DELETE FROM post_revisions WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)`);
      }
      for (const table of ['warning_preferences', 'room_memberships', 'join_requests', 'thread_mutes', 'chat_read_markers', 'notifications', 'reactions']) {
        await run(`DELETE FROM ${table} WHERE user_id = $1`);
      }
      await run('DELETE FROM blocks WHERE blocker_id = $1 OR blocked_id = $1');
      // The row stays (content refers to it) but nothing identifying remains.
      await manager.query(
        `UPDATE users SET handle = 'former member', handle_key = $2, password_hash = '', email = NULL, deleted_at = $3,
                show_presence = false, show_typing = false, mentions_from = 'nobody' WHERE id = $1`,
        [user.id, `deleted-${user.id.replace(/-/g, '').slice(0, 24)}`, this.clock.now()],
      );
    });
  }
}
