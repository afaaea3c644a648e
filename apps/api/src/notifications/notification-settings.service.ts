import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_NOTIFICATION_SETTINGS, noticeSettingOf, type NotificationSettings, type UpdateNotificationSettingsRequest } from '@kindred/contracts';
import { In, type EntityManager, type Repository } from 'typeorm';
import { NotificationSettingsEntity } from './notification-settings.entity.js';

const toSettings = (row: NotificationSettingsEntity | null): NotificationSettings =>
  row
    ? { autoFollow: row.autoFollow, replies: row.replies, mentions: row.mentions, roomThreads: row.roomThreads, moderation: row.moderation, care: row.care, sessions: row.sessions }
    : { ...DEFAULT_NOTIFICATION_SETTINGS };

/** Every query on `notification_settings`: what each member chose to hear about. */
@Injectable()
export class NotificationSettingsService {
  constructor(@InjectRepository(NotificationSettingsEntity) private readonly settings: Repository<NotificationSettingsEntity>) {}

  async of(userId: string, manager?: EntityManager): Promise<NotificationSettings> {
    const repository = manager ? manager.getRepository(NotificationSettingsEntity) : this.settings;
    return toSettings(await repository.findOneBy({ userId }));
  }

  async update(userId: string, change: UpdateNotificationSettingsRequest): Promise<NotificationSettings> {
    const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const next: NotificationSettings = { ...(await this.of(userId)), ...given };
    await this.settings.upsert({ userId, ...next }, ['userId']);
    return next;
  }

  /** Whether the writer should follow a thread the member starts or replies to. */
  /**
   * Of these members, those who want notices of `kind`. The one place every notice passes, so a
   * kind switched off is never written (nor pushed live); a kind with no switch always passes.
   */
  async audience(kind: string, userIds: readonly string[], manager?: EntityManager): Promise<string[]> {
    const key = noticeSettingOf(kind);
    if (!key || userIds.length === 0) return [...userIds];
    const repository = manager ? manager.getRepository(NotificationSettingsEntity) : this.settings;
    const off = await repository.find({ select: { userId: true }, where: { userId: In([...userIds]), [key]: false } });
    const silenced = new Set(off.map((r) => r.userId));
    return userIds.filter((id) => !silenced.has(id));
  }

  /** The member's choices, for their data export. */
  exportFor(userId: string): Promise<NotificationSettings> {
    return this.of(userId);
  }

  /** Account deletion: the member's choices go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM notification_settings WHERE user_id = $1', [userId]);
  }
}
