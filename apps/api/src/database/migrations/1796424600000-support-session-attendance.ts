import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: who came to each occurrence of a support session (not only who RSVPed). */
export class SupportSessionAttendance1796424600000 implements MigrationInterface {
  name = 'SupportSessionAttendance1796424600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "support_session_attendance" ("session_id" uuid NOT NULL, "occurrence_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" uuid NOT NULL, "arrived_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_support_session_attendance" PRIMARY KEY ("session_id", "occurrence_at", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "support_session_attendance" ADD CONSTRAINT "FK_support_session_attendance_session" FOREIGN KEY ("session_id") REFERENCES "support_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_session_attendance" ADD CONSTRAINT "FK_support_session_attendance_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "support_session_attendance" DROP CONSTRAINT "FK_support_session_attendance_user"`);
    await queryRunner.query(`ALTER TABLE "support_session_attendance" DROP CONSTRAINT "FK_support_session_attendance_session"`);
    await queryRunner.query(`DROP TABLE "support_session_attendance"`);
  }
}
