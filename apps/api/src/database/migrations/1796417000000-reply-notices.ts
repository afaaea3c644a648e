import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: one unread reply notice per member and thread (its link), so a new reply bumps its count. */
export class ReplyNotices1796417000000 implements MigrationInterface {
  name = 'ReplyNotices1796417000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_notifications_reply_batch" ON "notifications" ("user_id", "link") WHERE kind = 'reply' AND read_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_reply_batch"`);
  }
}
