import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { SessionCalendarService } from './session-calendar.service.js';
import { SessionReminders } from './session-reminders.js';
import { SessionCalendarController, SupportSessionsController } from './support-sessions.controller.js';
import { SupportSessionRepository } from './support-session.repository.js';
import { SupportSessionsService } from './support-sessions.service.js';

@Module({
  imports: [UsersModule, NotificationsModule],
  controllers: [SupportSessionsController, SessionCalendarController],
  providers: [SupportSessionsService, SupportSessionRepository, SessionCalendarService, SessionReminders],
  exports: [SupportSessionRepository],
})
export class SupportSessionsModule {}
