import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change feed for chat replay: each room counts its edits and removals (`last_change`, drawn
 * under the room row's lock like `seq`, so change numbers commit in order), and a message
 * carries the number of its latest change. A reconnecting client asks for the changes after
 * the last one it saw and learns what was edited or removed while it was away.
 */
export class ChatChangeFeed1796399000000 implements MigrationInterface {
  name = 'ChatChangeFeed1796399000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_rooms" ADD "last_change" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "chat_messages" ADD "changed_seq" bigint`);
    await queryRunner.query(`CREATE INDEX "IDX_chat_messages_room_changed" ON "chat_messages" ("room_id", "changed_seq") WHERE changed_seq IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_chat_messages_room_changed"`);
    await queryRunner.query(`ALTER TABLE "chat_messages" DROP COLUMN "changed_seq"`);
    await queryRunner.query(`ALTER TABLE "chat_rooms" DROP COLUMN "last_change"`);
  }
}
