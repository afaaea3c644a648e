import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { UsersModule } from '../users/users.module.js';
import { RsvpsOfFormerMembers } from './rsvps-of-former-members.js';
import { SessionCalendarService } from './session-calendar.service.js';
import { SessionModeService } from './session-mode.service.js';
import { SessionReminders } from './session-reminders.js';
import { SessionRunRepository } from './session-run.repository.js';
import { SessionTicker } from './session-ticker.js';
import { SessionCalendarController, SupportSessionsController } from './support-sessions.controller.js';
import { SupportSessionRepository } from './support-session.repository.js';
import { SupportSessionsService } from './support-sessions.service.js';

/** Scheduled support sessions: scheduling, RSVPs, reminders, the calendar file, and session mode in the room's chat. */
@Module({
  imports: [UsersModule, NotificationsModule, ChatModule, SafetyModule, RoomsModule],
  controllers: [SupportSessionsController, SessionCalendarController],
  providers: [RsvpsOfFormerMembers, SupportSessionsService, SupportSessionRepository, SessionRunRepository, SessionCalendarService, SessionReminders, SessionModeService, SessionTicker],
  exports: [SupportSessionRepository, SessionRunRepository, SessionModeService],
})
export class SupportSessionsModule {}
