import { Injectable, Logger } from '@nestjs/common';
import { QueueItemKind, Severity, type ContentWarningCategory, type CrisisResource, type ReportTargetType } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { CrisisResourcesService } from '../crisis-resources/crisis-resources.service.js';
import { detectCrisis, type CrisisAssessment } from './crisis/crisis-detector.js';
import { crisisWarnings } from './crisis/crisis-warnings.js';
import { QueueRaiser } from './queue-raiser.js';

export interface CrisisCheck {
  /** Shown privately to the author. */
  resources: CrisisResource[];
  /** Added automatically for every reader but the author, so each reader's choice applies at once. */
  warnings: ContentWarningCategory[];
}

export interface ContentRef {
  authorId: string;
  /** null for a private conversation's message: no room moderator's scope, staff see it. */
  roomId: string | null;
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

  /**
   * When the text suggests crisis: raises the queue item, and answers with resources for the
   * author and the warning categories readers get at once (the caller stores them on the content).
   */
  async check(content: ContentRef, manager: EntityManager): Promise<CrisisCheck | undefined> {
    let assessment: CrisisAssessment | undefined;
    try {
      assessment = detectCrisis(content.text);
    } catch (error) {
      // A detector bug must never stop someone's words from being posted.
      this.logger.error({ err: error }, 'crisis detector failed');
    }
    if (!assessment?.hit) return undefined;
    await this.queue.raise(
      { kind: QueueItemKind.Crisis, severity: Severity.Crisis, roomId: content.roomId, targetType: content.targetType, targetId: content.targetId, subjectUserId: content.authorId },
      manager,
    );
    // The author's own country and language, when they chose them.
    const { resources } = await this.resources.forMember(content.authorId);
    return { resources, warnings: crisisWarnings(assessment) };
  }
}
