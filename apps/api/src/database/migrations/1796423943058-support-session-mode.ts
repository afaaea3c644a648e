import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: session mode — one run per occurrence (opened and closed once), and the members' turns in its rounds. */
export class SupportSessionMode1796423943058 implements MigrationInterface {
  name = 'SupportSessionMode1796423943058';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "support_session_check_ins" ("session_id" uuid NOT NULL, "occurrence_at" TIMESTAMP WITH TIME ZONE NOT NULL, "round" character varying(8) NOT NULL, "user_id" uuid NOT NULL, "word" character varying(24), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fba3c64b349871b13ee51ae32df" PRIMARY KEY ("session_id", "occurrence_at", "round", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "support_session_runs" ("session_id" uuid NOT NULL, "occurrence_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "phase" character varying(16) NOT NULL DEFAULT 'check-in', "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fe66593f8974bc10e78786dd290" PRIMARY KEY ("session_id", "occurrence_at"))`);
    await queryRunner.query(`ALTER TABLE "support_session_check_ins" ADD CONSTRAINT "FK_8ed48e96f9ffba196234917d3a3" FOREIGN KEY ("session_id") REFERENCES "support_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_session_check_ins" ADD CONSTRAINT "FK_7c97cb013360972a8071a896ffa" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_session_runs" ADD CONSTRAINT "FK_6ba5b60c72ffbce7739b67fd0a0" FOREIGN KEY ("session_id") REFERENCES "support_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "support_session_runs" DROP CONSTRAINT "FK_6ba5b60c72ffbce7739b67fd0a0"`);
    await queryRunner.query(`ALTER TABLE "support_session_check_ins" DROP CONSTRAINT "FK_7c97cb013360972a8071a896ffa"`);
    await queryRunner.query(`ALTER TABLE "support_session_check_ins" DROP CONSTRAINT "FK_8ed48e96f9ffba196234917d3a3"`);
    await queryRunner.query(`DROP TABLE "support_session_runs"`);
    await queryRunner.query(`DROP TABLE "support_session_check_ins"`);
  }
}
