import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: "who can mention me" starts at *people in my rooms*, not *everyone*. Members who
 * already have an account keep the value they hold (a choice made cannot be told from a default).
 */
export class MentionsFromRoomsDefault1796425400000 implements MigrationInterface {
  name = 'MentionsFromRoomsDefault1796425400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "mentions_from" SET DEFAULT 'rooms'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "mentions_from" SET DEFAULT 'everyone'`);
  }
}
