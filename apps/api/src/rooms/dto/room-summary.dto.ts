import { ApiProperty } from '@nestjs/swagger';
import { JoinPolicy, RoomVisibility, type RoomSummary } from '@kindred/contracts';
import type { RoomEntity } from '../room.entity.js';

export class RoomSummaryDto implements RoomSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: Object.values(RoomVisibility) }) visibility: RoomVisibility;
  @ApiProperty({ enum: Object.values(JoinPolicy) }) joinPolicy: JoinPolicy;

  static from(room: RoomEntity): RoomSummaryDto {
    const { id, slug, name, description, visibility, joinPolicy } = room;
    return { id, slug, name, description, visibility, joinPolicy };
  }
}
