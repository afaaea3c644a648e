import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { ChatMessageEntity } from '../chat/chat-message.entity.js';
import { ChatMessageReactionEntity } from '../chat/chat-message-reaction.entity.js';
import { ChatReadMarkerEntity } from '../chat/chat-read-marker.entity.js';
import { ChatRoomEntity } from '../chat/chat-room.entity.js';
import { MemberSanctionEntity } from '../moderation/member-sanction.entity.js';
import { QueueItemEntity } from '../moderation/queue-item.entity.js';
import { QueueNoteEntity } from '../moderation/queue-note.entity.js';
import { ReportEntity } from '../moderation/report.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { NotificationSettingsEntity } from '../notifications/notification-settings.entity.js';
import { RecoveryCodeEntity } from '../auth/recovery-code.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { SignInEventEntity } from '../auth/sign-in-event.entity.js';
import { TotpCredentialEntity } from '../auth/totp-credential.entity.js';
import { AuthCeremonyEntity } from '../auth/auth-ceremony.entity.js';
import { PasskeyEntity } from '../auth/passkey.entity.js';
import { ModerationLogEntity } from '../moderation/moderation-log.entity.js';
import { PostRevisionEntity } from '../posts/post-revision.entity.js';
import { PostEntity } from '../posts/post.entity.js';
import { ReactionEntity } from '../posts/reaction.entity.js';
import { JoinRequestEntity } from '../rooms/join-request.entity.js';
import { RoomInviteEntity } from '../rooms/room-invite.entity.js';
import { RoomMembershipEntity } from '../rooms/room-membership.entity.js';
import { RoomEntity } from '../rooms/room.entity.js';
import { SiteInviteEntity } from '../site-settings/site-invite.entity.js';
import { SiteSettingsEntity } from '../site-settings/site-settings.entity.js';
import { BlockEntity } from '../safety/block.entity.js';
import { WarningPreferenceEntity } from '../safety/warning-preference.entity.js';
import { RoomReadMarkerEntity } from '../threads/room-read-marker.entity.js';
import { ThreadFollowEntity } from '../threads/thread-follow.entity.js';
import { RoomFollowEntity } from '../rooms/room-follow.entity.js';
import { BookmarkEntity } from '../bookmarks/bookmark.entity.js';
import { DraftEntity } from '../drafts/draft.entity.js';
import { PersonalFilterEntity } from '../personal-filters/personal-filter.entity.js';
import { ThreadMuteEntity } from '../threads/thread-mute.entity.js';
import { ThreadReadMarkerEntity } from '../threads/thread-read-marker.entity.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { AppStateEntity } from './app-state.entity.js';
import { CareTemplateEntity } from '../care/care-template.entity.js';
import { CheckInMessageEntity } from '../care/check-in-message.entity.js';
import { CheckInEntity } from '../care/check-in.entity.js';
import { ConversationParticipantEntity } from '../conversations/conversation-participant.entity.js';
import { ConversationEntity } from '../conversations/conversation.entity.js';
import { CrisisLabelEntity } from '../care/crisis-label.entity.js';
import { SessionReminderEntity } from '../support-sessions/session-reminder.entity.js';
import { SessionRsvpEntity } from '../support-sessions/session-rsvp.entity.js';
import { SessionCheckInEntity } from '../support-sessions/session-check-in.entity.js';
import { SessionAttendanceEntity } from '../support-sessions/session-attendance.entity.js';
import { SessionRunEntity } from '../support-sessions/session-run.entity.js';
import { SupportSessionEntity } from '../support-sessions/support-session.entity.js';
import { ModeratorRevealEntity } from '../moderation/wellbeing/moderator-reveal.entity.js';
import { SearchTermEntity } from '../search/search-term.entity.js';

/** Listed explicitly (no globs) so the same list works compiled, under Jest, and in the CLI. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginFailureEntity,
  RecoveryCodeEntity,
  SignInEventEntity,
  TotpCredentialEntity,
  AuthCeremonyEntity,
  PasskeyEntity,
  AppStateEntity,
  RoomEntity,
  RoomMembershipEntity,
  JoinRequestEntity,
  RoomInviteEntity,
  ThreadEntity,
  ThreadMuteEntity,
  ThreadReadMarkerEntity,
  ThreadFollowEntity,
  RoomFollowEntity,
  BookmarkEntity,
  DraftEntity,
  PersonalFilterEntity,
  RoomReadMarkerEntity,
  PostEntity,
  PostRevisionEntity,
  SearchTermEntity,
  ReactionEntity,
  WarningPreferenceEntity,
  BlockEntity,
  ModerationLogEntity,
  MemberSanctionEntity,
  ChatRoomEntity,
  ChatMessageEntity,
  ChatReadMarkerEntity,
  ChatMessageReactionEntity,
  QueueItemEntity,
  ReportEntity,
  QueueNoteEntity,
  NotificationEntity,
  NotificationSettingsEntity,
  CareTemplateEntity,
  CheckInEntity,
  ModeratorRevealEntity,
  CrisisLabelEntity,
  CheckInMessageEntity,
  ConversationEntity,
  ConversationParticipantEntity,
  SiteSettingsEntity,
  SiteInviteEntity,
  SupportSessionEntity,
  SessionRsvpEntity,
  SessionReminderEntity,
  SessionRunEntity,
  SessionCheckInEntity,
  SessionAttendanceEntity,
];
