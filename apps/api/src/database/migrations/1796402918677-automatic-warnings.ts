import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Readers are protected at once (issue 17): when the crisis detector fires, the detected
 * category is kept apart from the author's own warning, so it applies to every reader but the
 * author, is labelled as automatic, and a moderator's warning can replace it.
 */
export class AutomaticWarnings1796402918677 implements MigrationInterface {
  name = 'AutomaticWarnings1796402918677';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_messages" ADD "auto_warnings" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "threads" ADD "auto_warnings" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "auto_warnings" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "auto_warnings"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP COLUMN "auto_warnings"`);
    await queryRunner.query(`ALTER TABLE "chat_messages" DROP COLUMN "auto_warnings"`);
  }
}
