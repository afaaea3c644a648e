import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorators.js';
import { RoomSummaryDto } from './dto/room-summary.dto.js';
import { RoomsService } from './rooms.service.js';

@ApiTags('rooms')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  /** Public so a newcomer can see what support exists before creating an account. */
  @Public()
  @Get()
  @ApiOkResponse({ type: [RoomSummaryDto] })
  async directory(): Promise<RoomSummaryDto[]> {
    return (await this.rooms.listDirectory()).map((room) => RoomSummaryDto.from(room));
  }
}
