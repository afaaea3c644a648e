import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CrisisLabelSource, CrisisLabelStatus } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { CrisisLabelEntity } from './crisis-label.entity.js';

/** Every query on `crisis_labels`. */
@Injectable()
export class CrisisLabelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  create(values: Pick<CrisisLabelEntity, 'sourceType' | 'sourceId' | 'label' | 'text' | 'note' | 'authorId' | 'markedBy'>): Promise<CrisisLabelEntity> {
    const repo = this.db.getRepository(CrisisLabelEntity);
    return repo.save(repo.create(values));
  }

  async existsFor(sourceType: CrisisLabelSource, sourceId: string): Promise<boolean> {
    return (await this.db.getRepository(CrisisLabelEntity).count({ where: { sourceType, sourceId } })) > 0;
  }

  find(id: string): Promise<CrisisLabelEntity | null> {
    return this.db.getRepository(CrisisLabelEntity).findOne({ where: { id } });
  }

  /** Newest first; the review list is bounded (labels are reviewed, not hoarded). */
  list(status: CrisisLabelStatus | undefined, limit: number): Promise<CrisisLabelEntity[]> {
    return this.db.getRepository(CrisisLabelEntity).find({ where: status ? { status } : {}, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** The accepted labels' words and labels, oldest first (for the figures and the fixture export). */
  accepted(): Promise<Pick<CrisisLabelEntity, 'text' | 'label' | 'sourceType' | 'createdAt'>[]> {
    return this.db.getRepository(CrisisLabelEntity).find({ select: { text: true, label: true, sourceType: true, createdAt: true }, where: { status: 'accepted' }, order: { createdAt: 'ASC' } });
  }

  countPending(): Promise<number> {
    return this.db.getRepository(CrisisLabelEntity).count({ where: { status: 'pending' } });
  }

  async review(id: string, status: CrisisLabelStatus, reviewerId: string, at: Date): Promise<void> {
    await this.db.getRepository(CrisisLabelEntity).update({ id }, { status, reviewedBy: reviewerId, reviewedAt: at });
  }

  /**
   * A deleted account takes its labelled words with it, whether or not the member erased their
   * posts: the snapshot is a copy kept for tuning the detector, not context others rely on.
   */
  /** Labels on the member's own words, for their export: what was said and how it was labelled, not who labelled it or their note. */
  async exportFor(userId: string): Promise<Pick<CrisisLabelEntity, 'sourceType' | 'label' | 'status' | 'text' | 'createdAt'>[]> {
    return this.db.getRepository(CrisisLabelEntity).find({ where: { authorId: userId }, select: { sourceType: true, label: true, status: true, text: true, createdAt: true }, order: { createdAt: 'ASC' } });
  }

  async forgetAuthor(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(CrisisLabelEntity).delete({ authorId: userId });
  }
}
