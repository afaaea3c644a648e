import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14: members follow threads (chosen, or by starting or replying to them). */
export class ThreadFollows1796415912045 implements MigrationInterface {
  name = 'ThreadFollows1796415912045';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "thread_follows" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_700e1ce728aa4575f64eef803ff" PRIMARY KEY ("user_id", "thread_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_thread_follows_thread" ON "thread_follows" ("thread_id") `);
    await queryRunner.query(`ALTER TABLE "thread_follows" ADD CONSTRAINT "FK_166998ac9f5b40b48cddfce2775" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "thread_follows" DROP CONSTRAINT "FK_166998ac9f5b40b48cddfce2775"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_thread_follows_thread"`);
    await queryRunner.query(`DROP TABLE "thread_follows"`);
  }
}
