import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 15: a member's private words and phrases (warn or hide). */
export class PersonalFilters1796420000000 implements MigrationInterface {
  name = 'PersonalFilters1796420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "personal_filters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "phrase" character varying(100) NOT NULL, "words" character varying(200) NOT NULL, "mode" character varying(8) NOT NULL, "whole_word" boolean NOT NULL DEFAULT true, "label" character varying(60), "sql_pattern" text NOT NULL, "fixed_part" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_personal_filters" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_personal_filters_user_words" ON "personal_filters" ("user_id", "words") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_personal_filters_user_words"`);
    await queryRunner.query(`DROP TABLE "personal_filters"`);
  }
}
