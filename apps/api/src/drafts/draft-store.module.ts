import { Module } from '@nestjs/common';
import { DraftRepository } from './draft.repository.js';

/**
 * Only the drafts table, with no other dependency: posting (which deletes the draft in its
 * own transaction), quick exit and account deletion use it without an import cycle.
 */
@Module({
  providers: [DraftRepository],
  exports: [DraftRepository],
})
export class DraftStoreModule {}
