import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored search terms for posts. The expression index on to_tsvector(body) let PostgreSQL
 * find rare words, but a word in most posts made it parse every body again, per search
 * (found by the soak: a few searches a second saturated the database). A trigger keeps the
 * terms (PostgreSQL's own tsvector_update_trigger), so the app never writes them. Results
 * come newest first: for a common word, walking IDX_posts_recent backwards finds the first
 * page after a few rows instead of sorting every match.
 */
export class PostSearchVector1795309272164 implements MigrationInterface {
  name = 'PostSearchVector1795309272164';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posts" ADD "search_vector" tsvector`);
    await queryRunner.query(`UPDATE "posts" SET "search_vector" = to_tsvector('pg_catalog.english', "body")`);
    await queryRunner.query(`ALTER TABLE "posts" ALTER COLUMN "search_vector" SET NOT NULL`);
    await queryRunner.query(
      `CREATE TRIGGER "posts_search_vector" BEFORE INSERT OR UPDATE OF "body" ON "posts" FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(search_vector, 'pg_catalog.english', body)`,
    );
    await queryRunner.query(`DROP INDEX "IDX_posts_search"`);
    await queryRunner.query(`CREATE INDEX "IDX_posts_search" ON "posts" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "IDX_posts_recent" ON "posts" ("created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_posts_recent"`);
    await queryRunner.query(`DROP INDEX "IDX_posts_search"`);
    await queryRunner.query(`CREATE INDEX "IDX_posts_search" ON "posts" USING GIN (to_tsvector('english', "body"))`);
    await queryRunner.query(`DROP TRIGGER "posts_search_vector" ON "posts"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "search_vector"`);
  }
}
