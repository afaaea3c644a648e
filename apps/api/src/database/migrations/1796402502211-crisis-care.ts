import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crisis care (issue 17): check-in templates, and private check-in threads between the
 * moderation team and a member. Three starting templates, which admins can edit. Past notices
 * about an added content warning stop offering an appeal: adding a warning is an edit.
 */
const TEMPLATES: [string, string][] = [
  ['Checking in', 'Hi, this is the moderation team. We read what you wrote and wanted to check in with you. How are you doing right now? You can answer here, and there are support lines in your resources if you would like to talk to someone tonight.'],
  ['Are you safe right now?', 'Hi, this is the moderation team. We care about how you are. Are you safe right now? If you are in immediate danger, please call your local emergency number. You can answer here whenever you like.'],
  ['We are here', 'Hi, this is the moderation team. Thank you for sharing something so hard. You are not alone here. If you would like, tell us how we can help; your crisis resources are always one tap away.'],
];

export class CrisisCare1796402502211 implements MigrationInterface {
  name = 'CrisisCare1796402502211';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "care_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(80) NOT NULL, "body" character varying(2000) NOT NULL, "archived" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4bc189d3ec3caaf9ffc3277356d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "care_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue_item_id" uuid NOT NULL, "member_id" uuid NOT NULL, "opened_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8d55b3ace1077762fa174b3601f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f59a2ad9212ffe0c919aa76837" ON "care_check_ins"  ("queue_item_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_050535cf26fa1ca79f52d04051" ON "care_check_ins"  ("member_id") `);
    await queryRunner.query(`CREATE TABLE "care_check_in_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "check_in_id" uuid NOT NULL, "from_team" boolean NOT NULL, "author_id" uuid, "body" character varying(2000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c10f254520ed9f5883dd84a039" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0ca29d741c0991dd37c384ae28" ON "care_check_in_messages"  ("check_in_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "care_check_ins" ADD CONSTRAINT "FK_050535cf26fa1ca79f52d04051f" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "care_check_in_messages" ADD CONSTRAINT "FK_08cf60c3348e86a960656d30e6a" FOREIGN KEY ("check_in_id") REFERENCES "care_check_ins"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const [title, body] of TEMPLATES) await queryRunner.query(`INSERT INTO "care_templates" ("title", "body") VALUES ($1, $2)`, [title, body]);
    await queryRunner.query(
      `UPDATE "notifications" n SET "kind" = 'warning-added' FROM "moderation_log" l
       WHERE n."log_entry_id" = l."id" AND n."kind" = 'moderation-action' AND l."action" LIKE '%.set-warning'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "notifications" SET "kind" = 'moderation-action' WHERE "kind" = 'warning-added' AND "log_entry_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "care_check_in_messages" DROP CONSTRAINT "FK_08cf60c3348e86a960656d30e6a"`);
    await queryRunner.query(`ALTER TABLE "care_check_ins" DROP CONSTRAINT "FK_050535cf26fa1ca79f52d04051f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ca29d741c0991dd37c384ae28"`);
    await queryRunner.query(`DROP TABLE "care_check_in_messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_050535cf26fa1ca79f52d04051"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f59a2ad9212ffe0c919aa76837"`);
    await queryRunner.query(`DROP TABLE "care_check_ins"`);
    await queryRunner.query(`DROP TABLE "care_templates"`);
  }
}
