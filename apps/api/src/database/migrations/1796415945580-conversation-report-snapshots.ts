import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's report on a private conversation keeps a snapshot (the reported message and up
 * to ten around it): the only part of a peer conversation moderators ever see (issue 13).
 */
export class ConversationReportSnapshots1796415945580 implements MigrationInterface {
  name = 'ConversationReportSnapshots1796415945580';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reports" ADD "snapshot" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "snapshot"`);
  }
}
