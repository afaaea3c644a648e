import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveChat1795299784733 implements MigrationInterface {
  name = 'LiveChat1795299784733';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "chat_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "seq" bigint NOT NULL, "author_id" uuid NOT NULL, "client_id" character varying(64) NOT NULL, "body" text NOT NULL, "content_warnings" text array NOT NULL DEFAULT '{}', "warning_note" character varying(100), "reply_to_message_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'published', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_40c55ee0e571e268b0d3cd37d10" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_chat_messages_room_author" ON "chat_messages"  ("room_id", "author_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_chat_messages_author_client" ON "chat_messages"  ("author_id", "client_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_chat_messages_room_seq" ON "chat_messages"  ("room_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "chat_read_markers" ("user_id" uuid NOT NULL, "room_id" uuid NOT NULL, "last_read_seq" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cade61303cc34e6d5628d653eb3" PRIMARY KEY ("user_id", "room_id"))`);
    await queryRunner.query(`CREATE TABLE "chat_rooms" ("room_id" uuid NOT NULL, "last_seq" bigint NOT NULL DEFAULT '0', "locked" boolean NOT NULL DEFAULT false, "slow_mode_seconds" integer NOT NULL DEFAULT '0', "pinned_notice" character varying(500), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f26d3daf7f285f061ba377339b" PRIMARY KEY ("room_id"))`);
    await queryRunner.query(`CREATE TABLE "member_sanctions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "room_id" uuid, "kind" character varying(16) NOT NULL, "reason" character varying(500) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "lifted_at" TIMESTAMP WITH TIME ZONE, "lifted_by" uuid, CONSTRAINT "PK_5462d353efd1d0bc024c4a29472" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_135c7c40074b11ae45371da2ef" ON "member_sanctions"  ("user_id", "lifted_at") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "show_presence" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "users" ADD "show_typing" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "chat_rooms" ADD CONSTRAINT "FK_3f26d3daf7f285f061ba377339b" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_rooms" DROP CONSTRAINT "FK_3f26d3daf7f285f061ba377339b"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "show_typing"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "show_presence"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_135c7c40074b11ae45371da2ef"`);
    await queryRunner.query(`DROP TABLE "member_sanctions"`);
    await queryRunner.query(`DROP TABLE "chat_rooms"`);
    await queryRunner.query(`DROP TABLE "chat_read_markers"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_chat_messages_room_seq"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_chat_messages_author_client"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_chat_messages_room_author"`);
    await queryRunner.query(`DROP TABLE "chat_messages"`);
  }
}
