import { Module } from '@nestjs/common';
import { ComposeCheckController } from './compose-check.controller.js';
import { ComposeCheckService } from './compose-check.service.js';

/** The check before sending (issue 15): stateless, owns no table; the gate is global. */
@Module({
  controllers: [ComposeCheckController],
  providers: [ComposeCheckService],
})
export class ComposeCheckModule {}
