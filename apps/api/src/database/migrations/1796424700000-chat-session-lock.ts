import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the chat's lock is the one a support session put on at its end: only that lock is
 * lifted when the next occurrence opens; a moderator's lock stays until a moderator lifts it.
 */
export class ChatSessionLock1796424700000 implements MigrationInterface {
  name = 'ChatSessionLock1796424700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_rooms" ADD "locked_by_session" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_rooms" DROP COLUMN "locked_by_session"`);
  }
}
