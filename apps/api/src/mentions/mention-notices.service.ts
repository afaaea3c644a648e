import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { NotificationKind, type NoticeContent } from '@kindred/contracts';
import { BackgroundTasks } from '../common/background-tasks.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MentionAudienceService, type MentionPlace } from './mention-audience.service.js';

/** A mention to tell its members about: where it was written, what the notice says, where it leads. */
export interface MentionNotice extends MentionPlace {
  content: Extract<NoticeContent, { code: 'mention.post' | 'mention.chat' }>;
  link: string;
}

/**
 * Tells mentioned members, one notice each, live. Runs after the commit, off the request's (or
 * the chat ack's) path: `load` reads what was committed and answers nothing when it is no longer
 * shown to readers, and then no one is told.
 */
@Injectable()
export class MentionNoticesService implements BeforeApplicationShutdown {
  private readonly tasks = new BackgroundTasks(new Logger(MentionNoticesService.name));

  constructor(
    private readonly audience: MentionAudienceService,
    private readonly notifications: NotificationsService,
  ) {}

  announce(what: string, load: () => Promise<MentionNotice | undefined>): void {
    this.tasks.run(`mention notices for ${what}`, async () => {
      const notice = await load();
      if (!notice || notice.handleKeys.length === 0) return;
      const { content, link } = notice;
      for (const userId of await this.audience.recipients(notice)) {
        await this.notifications.notify(userId, { kind: NotificationKind.Mention, content, link });
      }
    });
  }

  settled(): Promise<void> {
    return this.tasks.settled();
  }

  /** Mentions written just before shutdown still reach their members: the pool closes after. */
  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }
}
