import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 13: supportive reactions on private conversation messages. */
export class ConversationReactions1796423924604 implements MigrationInterface {
  name = 'ConversationReactions1796423924604';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "chat_message_reactions" ("message_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c295825dfa84e365296423c0a5f" PRIMARY KEY ("message_id", "user_id", "kind"))`);
    await queryRunner.query(`ALTER TABLE "chat_message_reactions" ADD CONSTRAINT "FK_f52b492cfc5facc14fc3f1b8a2b" FOREIGN KEY ("message_id") REFERENCES "chat_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "chat_message_reactions" ADD CONSTRAINT "FK_ffb1de87f23b4063db4c5ea6aa0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chat_message_reactions" DROP CONSTRAINT "FK_ffb1de87f23b4063db4c5ea6aa0"`);
    await queryRunner.query(`ALTER TABLE "chat_message_reactions" DROP CONSTRAINT "FK_f52b492cfc5facc14fc3f1b8a2b"`);
    await queryRunner.query(`DROP TABLE "chat_message_reactions"`);
  }
}
