import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: the mention autocomplete matches the start of a handle; a pattern-ops index serves `LIKE 'ab%'` in any collation. */
export class MentionCandidates1796425300000 implements MigrationInterface {
  name = 'MentionCandidates1796425300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_users_handle_prefix" ON "users" ("handle_key" varchar_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_users_handle_prefix"`);
  }
}
