import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberLanguage1796400000000 implements MigrationInterface {
  name = 'MemberLanguage1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "language" character varying(8)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "language"`);
  }
}
