import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoomsThreadsPosts1795299298903 implements MigrationInterface {
  name = 'RoomsThreadsPosts1795299298903';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "moderation_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid NOT NULL, "room_id" uuid, "action" character varying(48) NOT NULL, "target_type" character varying(16) NOT NULL, "target_id" uuid NOT NULL, "subject_user_id" uuid, "reason" character varying(500) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_d0adca6ecfd068db83e4526cc26" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0a29c8837f16c8071f0a5b4a90" ON "moderation_log"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e91945d06208d624f556702b06" ON "moderation_log"  ("subject_user_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f48b1091843c7bfea3f9c776de" ON "moderation_log"  ("room_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "threads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "author_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "content_warnings" text array NOT NULL DEFAULT '{}', "warning_note" character varying(100), "status" character varying(16) NOT NULL DEFAULT 'published', "pinned" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, "post_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d8a74804c34fc3900502cd27275" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_71b6a8e2ea822297f14b96c318" ON "threads"  ("author_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_threads_room_listing" ON "threads"  ("room_id", "pinned", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE TABLE "posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "room_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "content_warnings" text array NOT NULL DEFAULT '{}', "warning_note" character varying(100), "status" character varying(16) NOT NULL DEFAULT 'published', "reply_to_post_id" uuid, "mentioned_user_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_posts_room_author" ON "posts"  ("room_id", "author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_posts_thread_page" ON "posts"  ("thread_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "post_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "body" text NOT NULL, "content_warnings" text array NOT NULL DEFAULT '{}', "warning_note" character varying(100), "editor_id" uuid NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_871219c3d5044d70ff7d59480b8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e932a92aed2890c4bb362d2d90" ON "post_revisions"  ("post_id", "edited_at") `);
    await queryRunner.query(`CREATE TABLE "reactions" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d79d1ea3af17596396620d8696f" PRIMARY KEY ("post_id", "user_id", "kind"))`);
    await queryRunner.query(`CREATE TABLE "join_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "user_id" uuid NOT NULL, "message" character varying(500), "status" character varying(16) NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3584a09620923a5aaf7de782f0d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8cd476bdaedd418243a76a7373" ON "join_requests"  ("room_id", "status", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bdec4b544d80a6914f1966509d" ON "join_requests"  ("room_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "room_invites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "created_by" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "max_uses" integer NOT NULL, "uses" integer NOT NULL DEFAULT '0', "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9fd542cc065fa28a63ecc7bbf44" UNIQUE ("code_hash"), CONSTRAINT "PK_32aa9769cd1747d1d451c8719a2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e25aa5c4dda0f1bd5c6ae2afd8" ON "room_invites"  ("room_id") `);
    await queryRunner.query(`CREATE TABLE "room_memberships" ("room_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL DEFAULT 'member', "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "guidelines_accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_225958b350db9a805d3a58b9232" PRIMARY KEY ("room_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_69395a6306f92243ffda7ea113" ON "room_memberships"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "blocks" ("blocker_id" uuid NOT NULL, "blocked_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_806f6a5d38d031cdd868fd5e37e" PRIMARY KEY ("blocker_id", "blocked_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8aa6c887bed61ad10829450f2f" ON "blocks"  ("blocked_id") `);
    await queryRunner.query(`CREATE TABLE "warning_preferences" ("user_id" uuid NOT NULL, "category" character varying(32) NOT NULL, "preference" character varying(8) NOT NULL, CONSTRAINT "PK_9a2e28cc11f4e941a5d52315f7f" PRIMARY KEY ("user_id", "category"))`);
    await queryRunner.query(`CREATE TABLE "thread_mutes" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_834e2e57b5037657a100ad45288" PRIMARY KEY ("user_id", "thread_id"))`);
    await queryRunner.query(`ALTER TABLE "rooms" ADD "require_content_warning" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "rooms" ADD "default_warnings" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "rooms" ADD "premoderate_first_posts" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "rooms" ADD "thread_slow_mode_seconds" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "threads" ADD CONSTRAINT "FK_34133cb0f02e6af927581de775a" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "posts" ADD CONSTRAINT "FK_89efae744488da3393177c9ccbf" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_21715fae1f647ae1e4b0741346a" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reactions" ADD CONSTRAINT "FK_a1ac38351a456da43cd26d38be8" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "join_requests" ADD CONSTRAINT "FK_fc8b09da92a223d86f42d7405e8" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_invites" ADD CONSTRAINT "FK_e25aa5c4dda0f1bd5c6ae2afd8b" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_memberships" ADD CONSTRAINT "FK_f32bd199eb196f84d0893a3054d" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written: what TypeORM cannot express.
    await queryRunner.query(`CREATE INDEX "IDX_posts_search" ON "posts" USING GIN (to_tsvector('english', "body"))`);
    await queryRunner.query(`CREATE FUNCTION moderation_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'moderation_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "moderation_log_append_only" BEFORE UPDATE OR DELETE ON "moderation_log" FOR EACH ROW EXECUTE FUNCTION moderation_log_is_append_only()`);
    await queryRunner.query(`CREATE TRIGGER "moderation_log_no_truncate" BEFORE TRUNCATE ON "moderation_log" FOR EACH STATEMENT EXECUTE FUNCTION moderation_log_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "moderation_log_no_truncate" ON "moderation_log"`);
    await queryRunner.query(`DROP TRIGGER "moderation_log_append_only" ON "moderation_log"`);
    await queryRunner.query(`DROP FUNCTION moderation_log_is_append_only()`);
    await queryRunner.query(`DROP INDEX "IDX_posts_search"`);
    await queryRunner.query(`ALTER TABLE "room_memberships" DROP CONSTRAINT "FK_f32bd199eb196f84d0893a3054d"`);
    await queryRunner.query(`ALTER TABLE "room_invites" DROP CONSTRAINT "FK_e25aa5c4dda0f1bd5c6ae2afd8b"`);
    await queryRunner.query(`ALTER TABLE "join_requests" DROP CONSTRAINT "FK_fc8b09da92a223d86f42d7405e8"`);
    await queryRunner.query(`ALTER TABLE "reactions" DROP CONSTRAINT "FK_a1ac38351a456da43cd26d38be8"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_21715fae1f647ae1e4b0741346a"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "FK_89efae744488da3393177c9ccbf"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_34133cb0f02e6af927581de775a"`);
    await queryRunner.query(`ALTER TABLE "rooms" DROP COLUMN "thread_slow_mode_seconds"`);
    await queryRunner.query(`ALTER TABLE "rooms" DROP COLUMN "premoderate_first_posts"`);
    await queryRunner.query(`ALTER TABLE "rooms" DROP COLUMN "default_warnings"`);
    await queryRunner.query(`ALTER TABLE "rooms" DROP COLUMN "require_content_warning"`);
    await queryRunner.query(`DROP TABLE "thread_mutes"`);
    await queryRunner.query(`DROP TABLE "warning_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8aa6c887bed61ad10829450f2f"`);
    await queryRunner.query(`DROP TABLE "blocks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_69395a6306f92243ffda7ea113"`);
    await queryRunner.query(`DROP TABLE "room_memberships"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e25aa5c4dda0f1bd5c6ae2afd8"`);
    await queryRunner.query(`DROP TABLE "room_invites"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bdec4b544d80a6914f1966509d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8cd476bdaedd418243a76a7373"`);
    await queryRunner.query(`DROP TABLE "join_requests"`);
    await queryRunner.query(`DROP TABLE "reactions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e932a92aed2890c4bb362d2d90"`);
    await queryRunner.query(`DROP TABLE "post_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_thread_page"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_room_author"`);
    await queryRunner.query(`DROP TABLE "posts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_threads_room_listing"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_71b6a8e2ea822297f14b96c318"`);
    await queryRunner.query(`DROP TABLE "threads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f48b1091843c7bfea3f9c776de"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e91945d06208d624f556702b06"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a29c8837f16c8071f0a5b4a90"`);
    await queryRunner.query(`DROP TABLE "moderation_log"`);
  }
}
