import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: members follow whole rooms (a batched notice per room), and choose which notices they get. */
export class RoomFollowsAndNotificationSettings1796425000000 implements MigrationInterface {
  name = 'RoomFollowsAndNotificationSettings1796425000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "room_follows" ("user_id" uuid NOT NULL, "room_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_142ba9db5bcdccbce1fb61ca8ab" PRIMARY KEY ("user_id", "room_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_room_follows_room" ON "room_follows" ("room_id") `);
    await queryRunner.query(`ALTER TABLE "room_follows" ADD CONSTRAINT "FK_63cd4b655ff3f63a8f363f40f20" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "auto_follow" boolean NOT NULL DEFAULT true, "replies" boolean NOT NULL DEFAULT true, "mentions" boolean NOT NULL DEFAULT true, "room_threads" boolean NOT NULL DEFAULT true, "moderation" boolean NOT NULL DEFAULT true, "care" boolean NOT NULL DEFAULT true, "sessions" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91a7ffebe8b406c4470845d4781" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_notifications_room_thread_batch" ON "notifications" ("user_id", "link") WHERE kind = 'room-thread' AND read_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_room_thread_batch"`);
    await queryRunner.query(`DROP TABLE "notification_settings"`);
    await queryRunner.query(`ALTER TABLE "room_follows" DROP CONSTRAINT "FK_63cd4b655ff3f63a8f363f40f20"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_room_follows_room"`);
    await queryRunner.query(`DROP TABLE "room_follows"`);
  }
}
