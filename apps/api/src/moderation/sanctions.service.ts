import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { MemberSanctionEntity, type SanctionKind } from './member-sanction.entity.js';

export interface NewSanction {
  userId: string;
  roomId: string | null;
  kind: SanctionKind;
  reason: string;
  createdBy: string;
  expiresAt: Date | null;
}

/** Mutes, suspensions and bans: stored in PostgreSQL, so every instance enforces them. */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectRepository(MemberSanctionEntity) private readonly sanctions: Repository<MemberSanctionEntity>,
    private readonly clock: Clock,
  ) {}

  /** The sanction that blocks posting in this room right now, the longest-lasting first. */
  async activeFor(userId: string, roomId: string | null): Promise<MemberSanctionEntity | null> {
    return this.sanctions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.lifted_at IS NULL', { userId })
      .andWhere('(s.expires_at IS NULL OR s.expires_at > :now)', { now: this.clock.now() })
      .andWhere(roomId ? `(s.room_id = :roomId OR s.room_id IS NULL)` : 's.room_id IS NULL', { roomId })
      .orderBy('s.expires_at', 'DESC', 'NULLS FIRST')
      .getOne();
  }

  async impose(sanction: NewSanction): Promise<MemberSanctionEntity> {
    return this.sanctions.save(this.sanctions.create(sanction));
  }
}
