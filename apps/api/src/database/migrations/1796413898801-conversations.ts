import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Private conversations (issue 13): conversations and where each participant stands, the
 * member's who-can-message-me setting, and chat rooms of a second kind: a conversation's
 * messages use the chat engine under the conversation's id, so `chat_rooms.room_id` no longer
 * points at `rooms` only.
 */
export class Conversations1796413898801 implements MigrationInterface {
  name = 'Conversations1796413898801';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_rooms" DROP CONSTRAINT "FK_3f26d3daf7f285f061ba377339b"`);
    await queryRunner.query(`CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "started_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_conversations_started_by_created" ON "conversations"  ("started_by", "created_at") `);
    await queryRunner.query(`CREATE TABLE "conversation_participants" ("conversation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "state" character varying(16) NOT NULL, "as_team" boolean NOT NULL DEFAULT false, "muted" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fdcd6405d74e797f10fa8360338" PRIMARY KEY ("conversation_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_conversation_participants_user" ON "conversation_participants"  ("user_id", "state") `);
    await queryRunner.query(`ALTER TABLE "chat_rooms" ADD "kind" character varying(16) NOT NULL DEFAULT 'room'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "who_can_message_me" character varying(16) NOT NULL DEFAULT 'rooms'`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "FK_77566ecf00c7855389c31ebf06f" FOREIGN KEY ("started_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_1559e8a16b828f2e836a2312800" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_377d4041a495b81ee1a85ae026f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_377d4041a495b81ee1a85ae026f"`);
    await queryRunner.query(`ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_1559e8a16b828f2e836a2312800"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_77566ecf00c7855389c31ebf06f"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "who_can_message_me"`);
    // Conversations' chat rows (and their messages) have no room to point at: they go first.
    await queryRunner.query(`DELETE FROM "chat_messages" WHERE "room_id" IN (SELECT "room_id" FROM "chat_rooms" WHERE "kind" = 'conversation')`);
    await queryRunner.query(`DELETE FROM "chat_rooms" WHERE "kind" = 'conversation'`);
    await queryRunner.query(`ALTER TABLE "chat_rooms" DROP COLUMN "kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_conversation_participants_user"`);
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_conversations_started_by_created"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
    await queryRunner.query(`ALTER TABLE "chat_rooms" ADD CONSTRAINT "FK_3f26d3daf7f285f061ba377339b" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
