import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 (soak drift): search by a common word read more the more the forum grew. Results come
 * newest first and the GIN index has no order, so a word in most posts walked IDX_posts_recent
 * backwards, reading every newer post that lacked it (all of a day's replies, for a word only
 * older posts use) before the page was full. `search_terms` holds each post's words with its
 * time, keyed in search's order, so a walk over one word reads only posts that hold it.
 *
 * Triggers keep it (like `posts_search_vector` before them): the app never writes it, and a
 * post written, edited or deleted by any path, SQL included, is found by exactly its words.
 */
export class SearchTerms1796425512000 implements MigrationInterface {
  name = 'SearchTerms1796425512000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_terms" ("lexeme" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "post_id" uuid NOT NULL, CONSTRAINT "PK_585aeb1ec01a2bc1a3d0dda84bb" PRIMARY KEY ("lexeme", "created_at", "post_id"))`,
    );
    // One function for every row event: an edit drops the old words and adds the new ones.
    await queryRunner.query(`CREATE FUNCTION posts_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM search_terms WHERE lexeme = ANY (tsvector_to_array(OLD.search_vector)) AND created_at = OLD.created_at AND post_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO search_terms (lexeme, created_at, post_id) SELECT unnest(tsvector_to_array(NEW.search_vector)), NEW.created_at, NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION posts_search_terms_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN TRUNCATE search_terms; RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER "posts_search_terms" AFTER INSERT OR DELETE ON "posts" FOR EACH ROW EXECUTE FUNCTION posts_search_terms()`);
    // `body` is listed because posts_search_vector rewrites search_vector when the body changes,
    // and a column set by a BEFORE trigger does not fire an UPDATE OF trigger by itself.
    await queryRunner.query(
      `CREATE TRIGGER "posts_search_terms_update" AFTER UPDATE OF "body", "search_vector", "created_at" ON "posts" FOR EACH ROW
       WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector OR OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION posts_search_terms()`,
    );
    await queryRunner.query(`CREATE TRIGGER "posts_search_terms_truncate" AFTER TRUNCATE ON "posts" FOR EACH STATEMENT EXECUTE FUNCTION posts_search_terms_truncate()`);
    await queryRunner.query(`INSERT INTO "search_terms" ("lexeme", "created_at", "post_id") SELECT unnest(tsvector_to_array("search_vector")), "created_at", "id" FROM "posts"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "posts_search_terms_truncate" ON "posts"`);
    await queryRunner.query(`DROP TRIGGER "posts_search_terms_update" ON "posts"`);
    await queryRunner.query(`DROP TRIGGER "posts_search_terms" ON "posts"`);
    await queryRunner.query(`DROP FUNCTION posts_search_terms_truncate()`);
    await queryRunner.query(`DROP FUNCTION posts_search_terms()`);
    await queryRunner.query(`DROP TABLE "search_terms"`);
  }
}
