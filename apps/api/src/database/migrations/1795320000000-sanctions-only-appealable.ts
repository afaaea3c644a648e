import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Only sanctions are appealable. Notices about anything else a moderator did (restored a
 * post, lifted a mute, unlocked a thread) were stored as appealable `moderation-action`
 * notices; they become `moderation-update`, so their appeal offer goes away. Join-request
 * decisions never had a notice, so none is invented for the past.
 */
const APPEALABLE = `'post.hide', 'post.remove', 'post.set-warning', 'post.reject', 'thread.hide', 'thread.remove', 'thread.set-warning',
  'thread.lock', 'thread.move', 'thread.reject', 'message.remove', 'message.set-warning', 'member.warn', 'member.mute', 'member.suspend', 'member.ban'`;

export class SanctionsOnlyAppealable1795320000000 implements MigrationInterface {
  name = 'SanctionsOnlyAppealable1795320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "notifications" n SET "kind" = 'moderation-update' FROM "moderation_log" l
       WHERE n."log_entry_id" = l."id" AND n."kind" = 'moderation-action' AND l."action" NOT IN (${APPEALABLE})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "notifications" SET "kind" = 'moderation-action' WHERE "kind" = 'moderation-update' AND "log_entry_id" IS NOT NULL`);
  }
}
