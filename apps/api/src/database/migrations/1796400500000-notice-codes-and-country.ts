import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices carry a code and parameters the app renders in the member's language; notices
 * written before keep their English words as the `legacy` code's parameters. Members may
 * say which country they are in (never inferred), so crisis resources fit them.
 */
export class NoticeCodesAndCountry1796400500000 implements MigrationInterface {
  name = 'NoticeCodesAndCountry1796400500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "code" character varying(40) NOT NULL DEFAULT 'legacy'`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "notifications" SET "params" = jsonb_build_object('title', "title", 'body', "body")`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "code" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "params" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "users" ADD "country" character varying(2)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "country"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "params"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "code"`);
  }
}
