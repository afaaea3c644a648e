import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: registration modes, site invite codes, crisis resources per country at run time; archived rooms. */
export class SiteSettingsAndArchive1796423250485 implements MigrationInterface {
  name = 'SiteSettingsAndArchive1796423250485';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "site_invites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code_hash" character(64) NOT NULL, "created_by" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "max_uses" integer NOT NULL, "uses" integer NOT NULL DEFAULT '0', "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d5cdf83dc5c37b6faaa862907f8" UNIQUE ("code_hash"), CONSTRAINT "PK_5d1f1e99d874cb0c0d6d64528ef" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "site_settings" ("id" smallint NOT NULL, "registration_mode" character varying(16) NOT NULL DEFAULT 'open', "demo_notice" boolean NOT NULL DEFAULT false, "crisis_overrides" jsonb NOT NULL DEFAULT '{}', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_site_settings_single_row" CHECK ("id" = 1), CONSTRAINT "PK_e4290e8371a166d7e066d131f6e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "rooms" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rooms" DROP COLUMN "archived_at"`);
    await queryRunner.query(`DROP TABLE "site_settings"`);
    await queryRunner.query(`DROP TABLE "site_invites"`);
  }
}
