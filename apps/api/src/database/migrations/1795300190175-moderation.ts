import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1795300190175 implements MigrationInterface {
  name = 'Moderation1795300190175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "queue_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "severity" smallint NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "room_id" uuid, "target_type" character varying(16) NOT NULL, "target_id" uuid NOT NULL, "subject_user_id" uuid, "claimed_by" uuid, "claimed_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution" character varying(500), "outcome_for_reporters" character varying(500), "appeal_of_log_id" uuid, "appeal_message" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2245e11ac3517494bacfe932773" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a946e921c6cf7b88da220c15a3" ON "queue_items"  ("room_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_queue_items_target" ON "queue_items"  ("target_type", "target_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_queue_items_listing" ON "queue_items"  ("status", "severity", "created_at") `);
    await queryRunner.query(`CREATE TABLE "queue_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue_item_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" character varying(2000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_252dbbd2e67785ce6b53fea61e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c0b4699fb7ed2488c42db0532e" ON "queue_notes"  ("queue_item_id") `);
    await queryRunner.query(`CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reporter_id" uuid NOT NULL, "target_type" character varying(16) NOT NULL, "target_id" uuid NOT NULL, "category" character varying(24) NOT NULL, "note" character varying(1000), "queue_item_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_de1e3f8b645c446bcb95339fae" ON "reports"  ("queue_item_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_af0a925beec5a5b2a8e65b709d" ON "reports"  ("reporter_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "body" character varying(2000) NOT NULL, "link" character varying(300), "log_entry_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "mentions_from" character varying(16) NOT NULL DEFAULT 'everyone'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "threads" ADD "pinned_until" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "threads" DROP COLUMN "pinned_until"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mentions_from"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_af0a925beec5a5b2a8e65b709d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de1e3f8b645c446bcb95339fae"`);
    await queryRunner.query(`DROP TABLE "reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0b4699fb7ed2488c42db0532e"`);
    await queryRunner.query(`DROP TABLE "queue_notes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_queue_items_listing"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_queue_items_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a946e921c6cf7b88da220c15a3"`);
    await queryRunner.query(`DROP TABLE "queue_items"`);
  }
}
