import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInHistory1796397187725 implements MigrationInterface {
  name = 'SignInHistory1796397187725';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "hour" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(16) NOT NULL, "method" character varying(16) NOT NULL, "device" character varying(80) NOT NULL, CONSTRAINT "PK_73586f99727fd78be086b21bf8c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_93a31c43819ad0e53996dc4c6f" ON "sign_in_events"  ("hour") `);
    await queryRunner.query(`CREATE INDEX "IDX_d605b48febe95fabc04866ca28" ON "sign_in_events"  ("user_id", "hour") `);
    await queryRunner.query(`ALTER TABLE "sign_in_events" ADD CONSTRAINT "FK_0705c16be2e1f1005c418d3efec" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sign_in_events" DROP CONSTRAINT "FK_0705c16be2e1f1005c418d3efec"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d605b48febe95fabc04866ca28"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_93a31c43819ad0e53996dc4c6f"`);
    await queryRunner.query(`DROP TABLE "sign_in_events"`);
  }
}
