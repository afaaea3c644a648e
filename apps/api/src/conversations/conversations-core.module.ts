import { Module } from '@nestjs/common';
import { PARTICIPATION_LOOKUP } from '../access/participation-lookup.js';
import { ConversationRepository } from './conversation.repository.js';

/**
 * The conversations' storage, for the access gate (where one stands in a conversation) and for
 * safety (a block ends one-to-one conversations). Depends on nothing, so both can import it.
 */
@Module({
  providers: [ConversationRepository, { provide: PARTICIPATION_LOOKUP, useExisting: ConversationRepository }],
  exports: [ConversationRepository, PARTICIPATION_LOOKUP],
})
export class ConversationsCoreModule {}
