import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: unsent thread and reply words, saved on the server as the member types. */
export class Drafts1796425100000 implements MigrationInterface {
  name = 'Drafts1796425100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "drafts" ("user_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "target_id" uuid NOT NULL, "title" character varying(200), "body" text NOT NULL, "content_warnings" text array NOT NULL DEFAULT '{}', "none_apply" boolean NOT NULL DEFAULT false, "warning_note" character varying(100), "reply_to_post_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_drafts" PRIMARY KEY ("user_id", "kind", "target_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "drafts"`);
  }
}
