import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: members save posts to read again, with a private note. */
export class Bookmarks1796418000000 implements MigrationInterface {
  name = 'Bookmarks1796418000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bookmarks" ("user_id" uuid NOT NULL, "post_id" uuid NOT NULL, "note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bookmarks" PRIMARY KEY ("user_id", "post_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_bookmarks_user_created" ON "bookmarks" ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "bookmarks" ADD CONSTRAINT "FK_bookmarks_post" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookmarks" DROP CONSTRAINT "FK_bookmarks_post"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bookmarks_user_created"`);
    await queryRunner.query(`DROP TABLE "bookmarks"`);
  }
}
