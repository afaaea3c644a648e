import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderator wellbeing (issue 17, item 5): which crisis and harm items each moderator chose to
 * unfold, and an index for a moderator's own exposure (what they closed, when).
 */
export class ModeratorWellbeing1796413873647 implements MigrationInterface {
  name = 'ModeratorWellbeing1796413873647';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "moderator_reveals" ("moderator_id" uuid NOT NULL, "queue_item_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0a1bffa7def02f098bbb5cfa36" PRIMARY KEY ("moderator_id", "queue_item_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_queue_items_resolver" ON "queue_items"  ("resolved_by", "resolved_at") `);
    await queryRunner.query(`ALTER TABLE "moderator_reveals" ADD CONSTRAINT "FK_97eddccde555418c640f472b4eb" FOREIGN KEY ("moderator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "moderator_reveals" ADD CONSTRAINT "FK_1fb62a8e3ad0ea3d0bffde5abad" FOREIGN KEY ("queue_item_id") REFERENCES "queue_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "moderator_reveals" DROP CONSTRAINT "FK_1fb62a8e3ad0ea3d0bffde5abad"`);
    await queryRunner.query(`ALTER TABLE "moderator_reveals" DROP CONSTRAINT "FK_97eddccde555418c640f472b4eb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_queue_items_resolver"`);
    await queryRunner.query(`DROP TABLE "moderator_reveals"`);
  }
}
