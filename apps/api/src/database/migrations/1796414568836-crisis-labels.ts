import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The crisis detector's learning loop (issue 17, item 7): moderators' labels on what members
 * wrote, reviewed by admins.
 */
export class CrisisLabels1796414568836 implements MigrationInterface {
  name = 'CrisisLabels1796414568836';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "crisis_labels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_type" character varying(16) NOT NULL, "source_id" uuid NOT NULL, "label" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "text" text NOT NULL, "note" character varying(500), "author_id" uuid, "marked_by" uuid, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a69040726419d12e03e0eb81603" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2e93a1054bec6cc5da9db4fd4e" ON "crisis_labels"  ("author_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_crisis_labels_status" ON "crisis_labels"  ("status", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_crisis_labels_source" ON "crisis_labels"  ("source_type", "source_id") `);
    await queryRunner.query(`ALTER TABLE "crisis_labels" ADD CONSTRAINT "FK_2e93a1054bec6cc5da9db4fd4ea" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "crisis_labels" ADD CONSTRAINT "FK_cbee9315505feb66d81d70a7182" FOREIGN KEY ("marked_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "crisis_labels" DROP CONSTRAINT "FK_cbee9315505feb66d81d70a7182"`);
    await queryRunner.query(`ALTER TABLE "crisis_labels" DROP CONSTRAINT "FK_2e93a1054bec6cc5da9db4fd4ea"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_crisis_labels_source"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_crisis_labels_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2e93a1054bec6cc5da9db4fd4e"`);
    await queryRunner.query(`DROP TABLE "crisis_labels"`);
  }
}
