import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: scheduled support sessions, their RSVPs, and the once-only reminder claims. */
export class SupportSessions1796423425614 implements MigrationInterface {
  name = 'SupportSessions1796423425614';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "support_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "facilitator_id" uuid NOT NULL, "title" character varying(120) NOT NULL, "description" character varying(2000) NOT NULL DEFAULT '', "time_zone" character varying(64) NOT NULL, "local_start" character varying(16) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "weeks" integer NOT NULL DEFAULT '1', "capacity" integer NOT NULL, "late_join_minutes" integer NOT NULL DEFAULT '0', "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f42d6581b7be63ce898b1d0f65" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c7c63ff5bb467deca64b9456f4" ON "support_sessions"  ("room_id", "ends_at") `);
    await queryRunner.query(`CREATE TABLE "support_session_reminders" ("session_id" uuid NOT NULL, "occurrence_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d7e55a12b85bf2777da66ee5861" PRIMARY KEY ("session_id", "occurrence_at", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "support_session_rsvps" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa29919da9103a81a3fa0fa7743" PRIMARY KEY ("session_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0a8b49c92988e3f12e9b009d7e" ON "support_session_rsvps"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "support_sessions" ADD CONSTRAINT "FK_89c74698a50e697d57dfd390017" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_sessions" ADD CONSTRAINT "FK_83923a1f50c6e745e7350d7f7f6" FOREIGN KEY ("facilitator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_session_reminders" ADD CONSTRAINT "FK_f20d899d3f6a662e391d83d6464" FOREIGN KEY ("session_id") REFERENCES "support_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_session_rsvps" ADD CONSTRAINT "FK_f1236c3d209930a5210f17b8733" FOREIGN KEY ("session_id") REFERENCES "support_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_session_rsvps" ADD CONSTRAINT "FK_0a8b49c92988e3f12e9b009d7e6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "support_session_rsvps" DROP CONSTRAINT "FK_0a8b49c92988e3f12e9b009d7e6"`);
    await queryRunner.query(`ALTER TABLE "support_session_rsvps" DROP CONSTRAINT "FK_f1236c3d209930a5210f17b8733"`);
    await queryRunner.query(`ALTER TABLE "support_session_reminders" DROP CONSTRAINT "FK_f20d899d3f6a662e391d83d6464"`);
    await queryRunner.query(`ALTER TABLE "support_sessions" DROP CONSTRAINT "FK_83923a1f50c6e745e7350d7f7f6"`);
    await queryRunner.query(`ALTER TABLE "support_sessions" DROP CONSTRAINT "FK_89c74698a50e697d57dfd390017"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a8b49c92988e3f12e9b009d7e"`);
    await queryRunner.query(`DROP TABLE "support_session_rsvps"`);
    await queryRunner.query(`DROP TABLE "support_session_reminders"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c7c63ff5bb467deca64b9456f4"`);
    await queryRunner.query(`DROP TABLE "support_sessions"`);
  }
}
