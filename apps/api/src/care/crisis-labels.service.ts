import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CrisisLabel,
  CrisisLabelSource,
  ErrorCode,
  ErrorReason,
  Severity,
  type CrisisLabelMetricsView,
  type CrisisLabelStatus,
  type CrisisLabelView,
  type LabelledTextExport,
  type ReportTargetType,
} from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { detectCrisis } from '../moderation/crisis/crisis-detector.js';
import { QueueTargets } from '../moderation/queue-targets.js';
import { QueueRepository } from '../moderation/queue.repository.js';
import { QueueService } from '../moderation/queue.service.js';
import { UserRepository } from '../users/user.repository.js';
import type { CrisisLabelEntity } from './crisis-label.entity.js';
import { CrisisLabelsRepository } from './crisis-labels.repository.js';
import type { CrisisLabelDto } from './dto/crisis-labels.dto.js';

const REVIEW_LIST_LIMIT = 200;

/** The words labelled, whose they are, and the post, thread or message they were written as. */
interface LabelledWords {
  text: string;
  authorId: string | null;
  source: { type: Exclude<ReportTargetType, 'member'>; id: string };
}
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * The detector's learning loop. The phrase lists have a ceiling, so moderators label what real
 * members wrote: a crisis the detector missed (on a post, thread, chat message or report), or a
 * crisis item that was not one. Admins accept or reject each label; the accepted set measures
 * the detector as it is now and can be exported as fixtures for the labelled test set.
 */
@Injectable()
export class CrisisLabelsService {
  constructor(
    private readonly queue: QueueService,
    private readonly items: QueueRepository,
    private readonly targets: QueueTargets,
    private readonly labels: CrisisLabelsRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async mark(grant: AccessGrant, dto: CrisisLabelDto): Promise<CrisisLabelView> {
    const { text, authorId, source } = await this.wordsOf(grant, dto);
    // Kept against the words themselves (a report or a crisis item stands for its post, thread or
    // message), so the same words never carry two labels, let alone contradicting ones.
    if (await this.labels.existsFor(source.type, source.id)) throw AppError.conflict('These words have already been labelled for the detector.', ErrorReason.AlreadyExists);
    const saved = await this.labels.create({ sourceType: source.type, sourceId: source.id, label: dto.label, text, note: dto.note?.trim() || null, authorId, markedBy: grant.actor!.id });
    return (await this.views([saved]))[0]!;
  }

  async list(status: CrisisLabelStatus | undefined): Promise<CrisisLabelView[]> {
    return this.views(await this.labels.list(status, REVIEW_LIST_LIMIT));
  }

  async review(grant: AccessGrant, id: string, status: 'accepted' | 'rejected'): Promise<CrisisLabelView> {
    if (!(await this.labels.find(id))) throw AppError.notFound('No such label.', 'crisis-label');
    await this.labels.review(id, status, grant.actor!.id, this.clock.now());
    return (await this.views([(await this.labels.find(id))!]))[0]!;
  }

  /** The detector as it is now, on the accepted labels. */
  async metrics(): Promise<CrisisLabelMetricsView> {
    const accepted = await this.labels.accepted();
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const item of accepted) {
      const detected = detectCrisis(item.text).hit;
      const crisis = item.label === CrisisLabel.Crisis;
      if (detected && crisis) truePositives += 1;
      else if (detected) falsePositives += 1;
      else if (crisis) falseNegatives += 1;
    }
    return {
      accepted: accepted.length,
      crises: accepted.filter((item) => item.label === CrisisLabel.Crisis).length,
      pending: await this.labels.countPending(),
      recall: ratio(truePositives, truePositives + falseNegatives),
      precision: ratio(truePositives, truePositives + falsePositives),
    };
  }

  /** The accepted labels in the shape of tests/fixtures/crisis-labelled.ts (no ids, no names). */
  async export(): Promise<LabelledTextExport[]> {
    return (await this.labels.accepted()).map((item) => ({
      text: item.text,
      crisis: item.label === CrisisLabel.Crisis,
      note: `from a ${item.sourceType}, labelled ${item.createdAt.toISOString().slice(0, 10)}`,
    }));
  }

  /** The words labelled, from something in the moderator's scope (404 outside it). */
  private async wordsOf(grant: AccessGrant, dto: CrisisLabelDto): Promise<LabelledWords> {
    if (dto.label === CrisisLabel.NotACrisis) {
      if (dto.sourceType !== CrisisLabelSource.QueueItem) {
        throw AppError.validation('Only a crisis item can be marked as not a crisis.', [{ field: 'sourceType', problem: 'Use queue-item with not-a-crisis.' }]);
      }
      const item = await this.queue.requireItem(grant, dto.sourceId);
      if (item.severity !== Severity.Crisis) {
        throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.NotACrisisItem, message: 'This item is not about a crisis, so there is nothing for the detector to unlearn.' });
      }
      return this.contentOf(item.targetType, item.targetId);
    }
    if (dto.sourceType === CrisisLabelSource.QueueItem) {
      throw AppError.validation('Label the post, thread, message or report itself as a missed crisis.', [{ field: 'sourceType', problem: 'A queue item can only be marked not-a-crisis.' }]);
    }
    let target: { type: ReportTargetType; id: string };
    if (dto.sourceType === CrisisLabelSource.Report) {
      const reported = await this.items.reportTarget(dto.sourceId);
      if (!reported) throw AppError.notFound('No such report.', 'report');
      target = { type: reported.targetType, id: reported.targetId };
    } else {
      target = { type: dto.sourceType, id: dto.sourceId };
    }
    if (target.type === 'member') throw AppError.validation('A report about a member has no words to label.', [{ field: 'sourceId', problem: 'Not about a post or message.' }]);
    const facts = await this.targets.facts(target.type, target.id);
    if (!grant.moderates(facts.roomId)) throw AppError.notFound(`No such ${dto.sourceType}.`, dto.sourceType);
    return this.contentOf(target.type, target.id);
  }

  private async contentOf(type: ReportTargetType, id: string): Promise<LabelledWords> {
    const context = await this.targets.context(type, id);
    if (type === 'member' || !context.body?.trim()) throw AppError.validation('There are no words here to label.', [{ field: 'sourceId', problem: 'Nothing written (erased, or not content).' }]);
    return { text: context.body, authorId: context.author?.id ?? null, source: { type, id } };
  }

  private async views(rows: CrisisLabelEntity[]): Promise<CrisisLabelView[]> {
    const handles = await this.users.handles(rows.map((r) => r.markedBy));
    return rows.map((r) => ({
      id: r.id,
      sourceType: r.sourceType,
      label: r.label,
      status: r.status,
      text: r.text,
      note: r.note,
      detectedNow: detectCrisis(r.text).hit,
      markedBy: r.markedBy && handles.has(r.markedBy) ? { id: r.markedBy, handle: handles.get(r.markedBy)!.handle } : null,
      createdAt: r.createdAt.toISOString(),
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
    }));
  }
}
