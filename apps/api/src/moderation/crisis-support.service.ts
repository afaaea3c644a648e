import { Injectable, Logger } from '@nestjs/common';
import { QueueItemKind, Severity, type CrisisResource, type ReportTargetType } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { CrisisResourcesService } from '../crisis-resources/crisis-resources.service.js';
import { detectCrisis } from './crisis/crisis-detector.js';
import { QueueRaiser } from './queue-raiser.js';

export interface ContentRef {
  authorId: string;
  roomId: string;
  targetType: ReportTargetType;
  targetId: string;
  text: string;
}

/**
 * Crisis language never blocks a post and never sanctions anyone: the author privately
 * gets resources, and moderators get a top-priority queue item.
 */
@Injectable()
export class CrisisSupportService {
  private readonly logger = new Logger('CrisisSupport');

  constructor(
    private readonly queue: QueueRaiser,
    private readonly resources: CrisisResourcesService,
  ) {}

  /** Returns resources for the author when the text suggests crisis, after raising the queue item. */
  async check(content: ContentRef, manager: EntityManager): Promise<CrisisResource[] | undefined> {
    let hit = false;
    try {
      hit = detectCrisis(content.text).hit;
    } catch (error) {
      // A detector bug must never stop someone's words from being posted.
      this.logger.error({ err: error }, 'crisis detector failed');
    }
    if (!hit) return undefined;
    await this.queue.raise(
      { kind: QueueItemKind.Crisis, severity: Severity.Crisis, roomId: content.roomId, targetType: content.targetType, targetId: content.targetId, subjectUserId: content.authorId },
      manager,
    );
    // The author's own country and language, when they chose them.
    return (await this.resources.forMember(content.authorId)).resources;
  }
}
