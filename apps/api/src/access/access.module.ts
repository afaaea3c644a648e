import { Global, Module } from '@nestjs/common';
import { RoomsModule } from '../rooms/rooms.module.js';
import { AccessService } from './access.service.js';

@Global()
@Module({
  imports: [RoomsModule],
  providers: [AccessService],
  exports: [AccessService],
})
export class AccessModule {}
