import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthCeremonies1796402875504 implements MigrationInterface {
  name = 'AuthCeremonies1796402875504';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "auth_ceremonies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "token_hash" character varying(64) NOT NULL, "user_id" uuid, "challenge" character varying(128), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18858f058ce65ccbc3301a7b893" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_467e5e9cb43a394e08283af931" ON "auth_ceremonies"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_9a4d88621c80d2451bddbb9b37" ON "auth_ceremonies"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "auth_ceremonies" ADD CONSTRAINT "FK_9cf476b2180327864f459fb94b8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_ceremonies" DROP CONSTRAINT "FK_9cf476b2180327864f459fb94b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a4d88621c80d2451bddbb9b37"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_467e5e9cb43a394e08283af931"`);
    await queryRunner.query(`DROP TABLE "auth_ceremonies"`);
  }
}
