import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { ModerationLogEntity } from './moderation-log.entity.js';

export interface LogEntry {
  actorId: string;
  roomId: string | null;
  action: string;
  targetType: 'room' | 'thread' | 'post' | 'user' | 'message' | 'join-request' | 'invite';
  targetId: string;
  subjectUserId?: string | null;
  reason: string;
  details?: Record<string, unknown>;
}

/** Writes to the append-only moderation log; there is deliberately no update or delete. */
@Injectable()
export class ModerationLogService {
  constructor(@InjectRepository(ModerationLogEntity) private readonly entries: Repository<ModerationLogEntity>) {}

  /** Pass the transaction's manager so the entry commits (or not) with the action itself. */
  async record(entry: LogEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(ModerationLogEntity) : this.entries;
    await repository.insert({ ...entry, subjectUserId: entry.subjectUserId ?? null, details: (entry.details ?? {}) as never });
  }
}
