import { Injectable } from '@nestjs/common';
import { CONTENT_WARNING_LABELS, NotificationKind, type ContentWarningCategory } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { asSentence } from '../common/text/sentence.js';
import { NotificationsService } from '../notifications/notifications.service.js';

/**
 * Adding a content warning is an edit that lets readers choose, not a judgement of the author:
 * the notice says what was added and why, offers no appeal, and is not tied to a log entry, so
 * it never counts as a decision about them.
 */
@Injectable()
export class WarningEditNotice {
  constructor(private readonly notifications: NotificationsService) {}

  async tell(authorId: string, categories: readonly ContentWarningCategory[], reason: string, manager: EntityManager): Promise<void> {
    const what = categories.length
      ? `a content warning (${categories.map((c) => CONTENT_WARNING_LABELS[c]).join(', ')})`
      : 'a change to the content warning';
    await this.notifications.notify(
      authorId,
      {
        kind: NotificationKind.WarningAdded,
        title: 'A content warning was added to your words',
        body: `A moderator added ${what} so that each reader can choose whether and when to read it. Your words are still there, and nothing is held against you. Why: ${asSentence(reason)}`,
      },
      manager,
    );
  }
}
