import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread or post a moderator hides or removes takes the reply and mention notices pointing at
 * it with it (NotificationsService.withdrawAbout). Those are found by their link, `/threads/<id>`
 * or `/threads/<id>#post-<id>`: this index finds them by equality or by that prefix, instead of a
 * scan of every member's notices inside the moderator's transaction.
 */
export class NotificationsByThread1796425530000 implements MigrationInterface {
  name = 'NotificationsByThread1796425530000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_notifications_thread_link" ON "notifications" ("link" text_pattern_ops) WHERE kind IN ('reply', 'mention')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_thread_link"`);
  }
}
