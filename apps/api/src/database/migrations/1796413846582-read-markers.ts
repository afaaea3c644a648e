import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What's new (issue 14): how far each member read each thread, and "mark room read" as one
 * row per room, so unread and new counts can be asked per member without a row per post.
 */
export class ReadMarkers1796413846582 implements MigrationInterface {
  name = 'ReadMarkers1796413846582';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "room_read_markers" ("user_id" uuid NOT NULL, "room_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_43b5a68992ef807223331fcd115" PRIMARY KEY ("user_id", "room_id"))`);
    await queryRunner.query(`CREATE TABLE "thread_read_markers" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "room_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_post_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4cc2d0b9d8de779f7d432bba032" PRIMARY KEY ("user_id", "thread_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_thread_read_markers_user_room" ON "thread_read_markers" ("user_id", "room_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_threads_room_created" ON "threads"  ("room_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "room_read_markers" ADD CONSTRAINT "FK_97a0958ede5f54a41ad793a3c82" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "thread_read_markers" ADD CONSTRAINT "FK_52fd3f11c38ff4221a10bce9310" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "thread_read_markers" DROP CONSTRAINT "FK_52fd3f11c38ff4221a10bce9310"`);
    await queryRunner.query(`ALTER TABLE "room_read_markers" DROP CONSTRAINT "FK_97a0958ede5f54a41ad793a3c82"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_threads_room_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_thread_read_markers_user_room"`);
    await queryRunner.query(`DROP TABLE "thread_read_markers"`);
    await queryRunner.query(`DROP TABLE "room_read_markers"`);
  }
}
