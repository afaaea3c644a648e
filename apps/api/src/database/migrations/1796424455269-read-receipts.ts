import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 13: read receipts in one-to-one conversations, a member's choice (default off). */
export class ReadReceipts1796424455269 implements MigrationInterface {
  name = 'ReadReceipts1796424455269';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "read_receipts" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "read_receipts"`);
  }
}
