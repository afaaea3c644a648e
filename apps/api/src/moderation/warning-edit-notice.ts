import { Injectable } from '@nestjs/common';
import { NotificationKind, type ContentWarningCategory } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
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
    await this.notifications.notify(
      authorId,
      { kind: NotificationKind.WarningAdded, content: { code: 'warning.added', params: { categories: [...categories], reason } } },
      manager,
    );
  }
}
