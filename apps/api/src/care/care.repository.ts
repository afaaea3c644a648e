import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CareTemplateEntity } from './care-template.entity.js';
import { CheckInMessageEntity } from './check-in-message.entity.js';
import { CheckInEntity } from './check-in.entity.js';

/** Every query on `care_templates`, `care_check_ins` and `care_check_in_messages`. */
@Injectable()
export class CareRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  templates(): Promise<CareTemplateEntity[]> {
    return this.db.getRepository(CareTemplateEntity).find({ where: { archived: false }, order: { createdAt: 'ASC' } });
  }

  template(id: string): Promise<CareTemplateEntity | null> {
    return this.db.getRepository(CareTemplateEntity).findOne({ where: { id, archived: false } });
  }

  createTemplate(values: { title: string; body: string }): Promise<CareTemplateEntity> {
    const repo = this.db.getRepository(CareTemplateEntity);
    return repo.save(repo.create(values));
  }

  /** Returns the updated template, or null when there is none (archived ones included). */
  async updateTemplate(id: string, values: { title?: string; body?: string; archived?: boolean }): Promise<CareTemplateEntity | null> {
    const repo = this.db.getRepository(CareTemplateEntity);
    const template = await repo.findOne({ where: { id, archived: false } });
    if (!template) return null;
    return repo.save(Object.assign(template, values));
  }

  /** The item's check-in with this member, if one was opened (one thread per item and member). */
  checkInFor(queueItemId: string, memberId: string, manager: EntityManager): Promise<CheckInEntity | null> {
    return manager.getRepository(CheckInEntity).findOne({ where: { queueItemId, memberId } });
  }

  createCheckIn(values: { queueItemId: string; memberId: string; openedBy: string }, manager: EntityManager): Promise<CheckInEntity> {
    const repo = manager.getRepository(CheckInEntity);
    return repo.save(repo.create(values));
  }

  checkIn(id: string): Promise<CheckInEntity | null> {
    return this.db.getRepository(CheckInEntity).findOne({ where: { id } });
  }

  checkInsOfItem(queueItemId: string): Promise<CheckInEntity[]> {
    return this.db.getRepository(CheckInEntity).find({ where: { queueItemId }, order: { createdAt: 'ASC' } });
  }

  checkInsOfMember(memberId: string): Promise<CheckInEntity[]> {
    return this.db.getRepository(CheckInEntity).find({ where: { memberId }, order: { createdAt: 'DESC' }, take: 50 });
  }

  /**
   * A deleted account takes the member's check-ins and every message in them (the cascade from
   * users never fires: the user row stays, anonymised, for the content others still read).
   */
  async forgetMember(memberId: string, manager: EntityManager): Promise<void> {
    await manager.delete(CheckInEntity, { memberId });
  }

  async addMessage(values: { checkInId: string; fromTeam: boolean; authorId: string | null; body: string }, manager?: EntityManager): Promise<CheckInMessageEntity> {
    const repo = (manager ?? this.db.manager).getRepository(CheckInMessageEntity);
    return repo.save(repo.create(values));
  }

  /** Messages of these check-ins, oldest first. */
  messages(checkInIds: string[]): Promise<CheckInMessageEntity[]> {
    if (checkInIds.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(CheckInMessageEntity)
      .createQueryBuilder('m')
      .where('m.check_in_id IN (:...ids)', { ids: checkInIds })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  /** The member's check-ins and answers, for their data export (without who wrote the team's words). */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query(
      `SELECT c.id AS check_in_id, m.from_team, m.body, m.created_at FROM care_check_ins c JOIN care_check_in_messages m ON m.check_in_id = c.id
       WHERE c.member_id = $1 ORDER BY m.created_at`,
      [userId],
    );
  }
}
