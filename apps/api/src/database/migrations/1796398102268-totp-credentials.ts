import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TotpCredentials1796398102268 implements MigrationInterface {
  name = 'TotpCredentials1796398102268';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "totp_credentials" ("user_id" uuid NOT NULL, "secret_encrypted" text NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7500eeafa3a0dcb09090965589" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`ALTER TABLE "totp_credentials" ADD CONSTRAINT "FK_e7500eeafa3a0dcb09090965589" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "totp_credentials" DROP CONSTRAINT "FK_e7500eeafa3a0dcb09090965589"`);
    await queryRunner.query(`DROP TABLE "totp_credentials"`);
  }
}
