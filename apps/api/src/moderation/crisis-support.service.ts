import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueueItemKind, Severity, type CrisisResource, type ReportTargetType } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { detectCrisis } from './crisis/crisis-detector.js';
import { QueueRaiser } from './queue-raiser.js';

/** A sensible international default; operators replace it with CRISIS_RESOURCES_JSON. */
const DEFAULT_RESOURCES: CrisisResource[] = [
  { name: 'Emergency services', description: 'If you are in immediate danger, call your local emergency number.', contact: '112 (EU), 911 (US/Canada), 999 (UK), 000 (Australia)' },
  { name: 'Find a helpline', description: 'Free, confidential crisis lines in over 130 countries, searchable by country and topic.', contact: 'findahelpline.com', url: 'https://findahelpline.com' },
  { name: 'Befrienders Worldwide', description: 'Emotional support for people in distress, by phone, text or in person.', contact: 'befrienders.org', url: 'https://www.befrienders.org' },
  { name: 'Domestic abuse support', description: 'If someone is hurting you, a local domestic-abuse line can help you plan for safety.', contact: 'hotpeachpages.net (international directory)', url: 'https://www.hotpeachpages.net' },
];

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
  readonly resources: CrisisResource[];

  constructor(
    private readonly queue: QueueRaiser,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.resources = config.crisisResourcesJson ? parseResources(config.crisisResourcesJson) : DEFAULT_RESOURCES;
  }

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
    return this.resources;
  }
}

function parseResources(json: string): CrisisResource[] {
  try {
    const parsed = JSON.parse(json) as CrisisResource[];
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((r) => typeof r?.name === 'string' && typeof r?.contact === 'string')) throw new Error('shape');
    return parsed.map((r) => ({ name: r.name, description: String(r.description ?? ''), contact: r.contact, ...(r.url ? { url: String(r.url) } : {}) }));
  } catch {
    throw new ConfigError('Invalid configuration: CRISIS_RESOURCES_JSON must be a JSON array of {name, description, contact, url?}.');
  }
}
