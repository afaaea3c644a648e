import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { SessionRunRepository } from '../support-sessions/session-run.repository.js';
import { SupportSessionRepository } from '../support-sessions/support-session.repository.js';
import { AccountSecurityDataService } from '../auth/account-security-data.service.js';
import { BookmarkRepository } from '../bookmarks/bookmark.repository.js';
import { SanctionsService } from '../moderation/sanctions.service.js';
import { SiteInviteRepository } from '../site-settings/site-invite.repository.js';
import { DraftRepository } from '../drafts/draft.repository.js';
import { verifyPassword } from '../auth/password.js';
import { CareRepository } from '../care/care.repository.js';
import { CrisisLabelsRepository } from '../care/crisis-labels.repository.js';
import { SessionService } from '../auth/session.service.js';
import { ChatMessageRepository } from '../chat/chat-message.repository.js';
import { ConversationRepository } from '../conversations/conversation.repository.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { QueueRepository } from '../moderation/queue.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { NotificationSettingsService } from '../notifications/notification-settings.service.js';
import { RoomFollowRepository } from '../rooms/room-follow.repository.js';
import { PostRepository } from '../posts/post.repository.js';
import { MembershipRepository } from '../rooms/membership.repository.js';
import { PersonalFiltersService } from '../personal-filters/personal-filters.service.js';
import { SafetyService } from '../safety/safety.service.js';
import { ReadMarkerRepository } from '../threads/read-marker.repository.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import type { UserEntity } from '../users/user.entity.js';
import { UserRepository } from '../users/user.repository.js';
import type { MemberSettings, UpdateSettingsDto } from './dto/account.dto.js';

/**
 * A member's own controls: visibility settings, exporting their data, leaving for good.
 * Each feature reads and forgets its own rows; this service only gathers them.
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    private readonly users: UserRepository,
    private readonly safety: SafetyService,
    private readonly personalFilters: PersonalFiltersService,
    private readonly memberships: MembershipRepository,
    private readonly threads: ThreadRepository,
    private readonly readMarkers: ReadMarkerRepository,
    private readonly posts: PostRepository,
    private readonly messages: ChatMessageRepository,
    private readonly queue: QueueRepository,
    private readonly notifications: NotificationsService,
    private readonly accountSecurity: AccountSecurityDataService,
    private readonly bookmarks: BookmarkRepository,
    private readonly events: DomainEvents,
    private readonly care: CareRepository,
    private readonly conversations: ConversationRepository,
    private readonly crisisLabels: CrisisLabelsRepository,
    private readonly supportSessions: SupportSessionRepository,
    private readonly sessionRuns: SessionRunRepository,
    private readonly noticeSettings: NotificationSettingsService,
    private readonly roomFollows: RoomFollowRepository,
    private readonly drafts: DraftRepository,
    private readonly sanctionsOf: SanctionsService,
    private readonly siteInvites: SiteInviteRepository,
  ) {}

  settingsOf(user: UserEntity): MemberSettings {
    return { showPresence: user.showPresence, showTyping: user.showTyping, mentionsFrom: user.mentionsFrom, whoCanMessageMe: user.whoCanMessageMe, readReceipts: user.readReceipts, language: user.language, country: user.country };
  }

  async updateSettings(user: UserEntity, dto: UpdateSettingsDto): Promise<MemberSettings> {
    const next = { ...this.settingsOf(user), ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) } as MemberSettings;
    await this.users.updateSettings(user.id, next);
    return next;
  }

  /** Everything Kindred holds that is about this member, and nothing about anyone else. */
  async export(user: UserEntity): Promise<Record<string, unknown>> {
    const [safety, memberships, threads, posts, messages, reports, notifications, sessions, checkIns, conversations, bookmarks, supportSessionRsvps, personalFilters] = await Promise.all([
      this.safety.exportFor(user.id),
      this.memberships.exportFor(user.id),
      this.threads.exportFor(user.id),
      this.posts.exportFor(user.id),
      this.messages.exportFor(user.id),
      this.queue.exportFor(user.id),
      this.notifications.exportFor(user.id),
      this.sessions.exportFor(user.id),
      this.care.exportFor(user.id),
      this.conversations.exportFor(user.id),
      this.bookmarks.exportFor(user.id),
      this.supportSessions.exportFor(user.id),
      this.personalFilters.exportFor(user.id),
    ]);
    const signInHistory = await this.accountSecurity.exportFor(user.id);
    const messageReactions = await this.messages.exportReactionsFor(user.id);
    const supportSessionAttendance = await this.sessionRuns.attendedBy(user.id);
    const passkeys = await this.accountSecurity.exportPasskeys(user.id);
    const [notificationSettings, roomFollows] = await Promise.all([this.noticeSettings.exportFor(user.id), this.roomFollows.exportFor(user.id)]);
    const drafts = await this.drafts.exportFor(user.id);
    const [sanctions, invitesMade, crisisLabels] = await Promise.all([this.sanctionsOf.exportFor(user.id), this.siteInvites.exportFor(user.id), this.crisisLabels.exportFor(user.id)]);
    return {
      exportedAt: this.clock.now().toISOString(),
      profile: { handle: user.handle, email: user.email, role: user.role, createdAt: user.createdAt.toISOString() },
      settings: this.settingsOf(user),
      warningPreferences: safety.warningPreferences,
      blocks: safety.blocks,
      personalFilters,
      memberships,
      threads,
      posts,
      // Room chat and private conversations alike (a conversation's messages carry its id as room_id).
      chatMessages: messages,
      conversations,
      bookmarks,
      drafts,
      messageReactions,
      reportsMade: reports,
      sanctions,
      crisisLabels,
      invitesMade,
      checkIns,
      notifications,
      notificationSettings,
      roomFollows,
      sessions,
      supportSessionRsvps,
      supportSessionAttendance,
      signInHistory,
      passkeys,
    };
  }

  /**
   * Deletes the account. Content stays readable for context, credited to "former member",
   * unless the member asks to erase it. Sessions and sockets end at once.
   */
  async delete(user: UserEntity, password: string, eraseContent: boolean): Promise<void> {
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.InvalidCredentials, message: 'That password is not right.', details: [{ field: 'password', problem: 'Not your password.' }] });
    }
    await this.sessions.revokeAll(user.id, 'account-deleted');
    const conversationChanges = await this.db.transaction(async (manager) => {
      if (eraseContent) {
        await this.posts.eraseByAuthor(user.id, manager);
        await this.messages.eraseByAuthor(user.id, manager);
        await this.threads.eraseByAuthor(user.id, manager);
      }
      await this.safety.forgetUser(user.id, manager);
      await this.personalFilters.forgetUser(user.id, manager);
      await this.memberships.forgetUser(user.id, manager);
      await this.threads.forgetUser(user.id, manager);
      await this.readMarkers.forgetUser(user.id, manager);
      await this.bookmarks.forgetUser(user.id, manager);
      await this.drafts.forgetUser(user.id, manager);
      await this.messages.forgetUser(user.id, manager);
      await this.notifications.forgetUser(user.id, manager);
      await this.noticeSettings.forgetUser(user.id, manager);
      await this.roomFollows.forgetUser(user.id, manager);
      await this.posts.forgetUser(user.id, manager);
      await this.accountSecurity.eraseFor(user.id, manager);
      // Their words labelled for the crisis detector go, erased content or not (a copy kept only for tuning).
      await this.crisisLabels.forgetAuthor(user.id, manager);
      await this.care.forgetMember(user.id, manager);
      await this.supportSessions.forgetUser(user.id, manager);
      await this.sessionRuns.forgetUser(user.id, manager);
      // The row stays (content refers to it) but nothing identifying remains.
      await this.users.anonymize(user.id, this.clock.now(), manager);
      // Conversations stay for the others (the member's words anonymised or erased as above).
      return this.conversations.forgetUser(user.id, manager);
    });
    for (const change of conversationChanges) await this.events.announce('conversation.participation.changed', change);
    // Its memberships, blocks and preferences are gone: no instance may answer from what it knew.
    await this.events.announce('membership.changed', { userId: user.id, roomId: null });
    await this.events.announce('preferences.changed', { userId: user.id });
  }
}
