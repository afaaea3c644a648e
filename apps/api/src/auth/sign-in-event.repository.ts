import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThanOrEqual, Repository, type EntityManager } from 'typeorm';
import { SignInEventEntity } from './sign-in-event.entity.js';

export type NewSignInEvent = Pick<SignInEventEntity, 'userId' | 'hour' | 'outcome' | 'method' | 'device'>;

/** Every query on `sign_in_events`. */
@Injectable()
export class SignInEventRepository {
  constructor(@InjectRepository(SignInEventEntity) private readonly events: Repository<SignInEventEntity>) {}

  async insert(event: NewSignInEvent): Promise<void> {
    await this.events.insert(event);
  }

  listSince(userId: string, since: Date): Promise<SignInEventEntity[]> {
    return this.events.find({ where: { userId, hour: MoreThanOrEqual(since) }, order: { hour: 'DESC' }, take: 500 });
  }

  async hasSucceededFrom(userId: string, device: string, since: Date): Promise<boolean> {
    return this.events.exists({ where: { userId, device, outcome: 'success', hour: MoreThanOrEqual(since) } });
  }

  async pruneBefore(cutoff: Date): Promise<void> {
    await this.events.delete({ hour: LessThan(cutoff) });
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(SignInEventEntity).delete({ userId });
  }
}
