import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { DraftStoreModule } from './draft-store.module.js';
import { DraftsController } from './drafts.controller.js';
import { DraftsService } from './drafts.service.js';

/** Thread and reply drafts saved on the server as the member types. */
@Module({
  imports: [DraftStoreModule, ThreadsModule, AuthModule],
  controllers: [DraftsController],
  providers: [DraftsService],
})
export class DraftsModule {}
