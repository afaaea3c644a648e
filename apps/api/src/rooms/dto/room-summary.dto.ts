import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JoinPolicy, RoomVisibility, type RoomSummary } from '@kindred/contracts';
import type { RoomEntity } from '../room.entity.js';

export class RoomSummaryDto implements RoomSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: Object.values(RoomVisibility) }) visibility: RoomVisibility;
  @ApiProperty({ enum: Object.values(JoinPolicy) }) joinPolicy: JoinPolicy;
  @ApiPropertyOptional({ format: 'date-time' }) archivedAt?: string;

  static from(room: RoomEntity): RoomSummaryDto {
    const { id, slug, name, description, visibility, joinPolicy, archivedAt } = room;
    return { id, slug, name, description, visibility, joinPolicy, ...(archivedAt ? { archivedAt: archivedAt.toISOString() } : {}) };
  }
}
