import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 (soak drift): the room directory's unread counts read every thread the member ever
 * opened in the room (a marker and its thread each), though most had nothing new: the cost grew
 * with how much of the forum they had read. `behind` says a marker may have posts after it;
 * the counts read only those markers (IDX_thread_read_markers_behind).
 *
 * False means: when the marker was last written, no published post by someone else followed it.
 * Triggers keep that true, so no write path (the app's, or SQL) can leave a stale `false`:
 * - writing a marker's position works it out (BEFORE trigger; the writer locks the thread first,
 *   so a reply committing meanwhile is either seen or comes after and is the next case);
 * - any change to a thread's activity (a reply, a post approved or restored) marks the readers
 *   who were caught up as behind, through IDX_thread_read_markers_caught_up.
 * "Mark room read" clears it for threads quiet since (ReadMarkerRepository.markRoomRead).
 */
export class ReadMarkerBehind1796425521000 implements MigrationInterface {
  name = 'ReadMarkerBehind1796425521000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "thread_read_markers" ADD "behind" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`CREATE FUNCTION thread_read_markers_behind() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.behind := EXISTS (SELECT 1 FROM posts p WHERE p.thread_id = NEW.thread_id AND (p.created_at, p.id) > (NEW.read_at, NEW.read_post_id)
                                AND p.status = 'published' AND p.author_id <> NEW.user_id);
        RETURN NEW;
      END $$`);
    // A moved thread is worked out again too: what counts depends on its new room's "mark read".
    await queryRunner.query(
      `CREATE TRIGGER "thread_read_markers_behind" BEFORE INSERT OR UPDATE OF "read_at", "read_post_id", "room_id" ON "thread_read_markers" FOR EACH ROW EXECUTE FUNCTION thread_read_markers_behind()`,
    );
    await queryRunner.query(`CREATE FUNCTION threads_activity_behind() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE thread_read_markers SET behind = true WHERE thread_id = NEW.id AND NOT behind AND read_at < NEW.last_activity_at;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "threads_activity_behind" AFTER UPDATE OF "last_activity_at" ON "threads" FOR EACH ROW EXECUTE FUNCTION threads_activity_behind()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_thread_read_markers_user_room"`);
    await queryRunner.query(`CREATE INDEX "IDX_thread_read_markers_behind" ON "thread_read_markers" ("user_id", "room_id", "read_at") WHERE "behind"`);
    await queryRunner.query(`CREATE INDEX "IDX_thread_read_markers_caught_up" ON "thread_read_markers" ("thread_id") WHERE NOT "behind"`);
    // Existing markers: the trigger works each one out.
    await queryRunner.query(`UPDATE "thread_read_markers" SET "read_at" = "read_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_thread_read_markers_caught_up"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_thread_read_markers_behind"`);
    await queryRunner.query(`CREATE INDEX "IDX_thread_read_markers_user_room" ON "thread_read_markers" ("user_id", "room_id") `);
    await queryRunner.query(`DROP TRIGGER "threads_activity_behind" ON "threads"`);
    await queryRunner.query(`DROP FUNCTION threads_activity_behind()`);
    await queryRunner.query(`DROP TRIGGER "thread_read_markers_behind" ON "thread_read_markers"`);
    await queryRunner.query(`DROP FUNCTION thread_read_markers_behind()`);
    await queryRunner.query(`ALTER TABLE "thread_read_markers" DROP COLUMN "behind"`);
  }
}
