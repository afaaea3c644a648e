import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CRISIS_LABEL_NOTE_MAX_LENGTH,
  CrisisLabel,
  CrisisLabelSource,
  CrisisLabelStatus,
  type CrisisLabelRequest,
  type CrisisLabelReviewRequest,
} from '@kindred/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CrisisLabelDto implements CrisisLabelRequest {
  @ApiProperty({ enum: Object.values(CrisisLabelSource) })
  @IsIn(Object.values(CrisisLabelSource))
  sourceType: CrisisLabelSource;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sourceId: string;

  @ApiProperty({ enum: Object.values(CrisisLabel), description: '`crisis` on a post, thread, message or report; `not-a-crisis` on a crisis queue item.' })
  @IsIn(Object.values(CrisisLabel))
  label: CrisisLabel;

  @ApiPropertyOptional({ maxLength: CRISIS_LABEL_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Length(0, CRISIS_LABEL_NOTE_MAX_LENGTH)
  note?: string;
}

const REVIEWED = [CrisisLabelStatus.Accepted, CrisisLabelStatus.Rejected];

export class CrisisLabelReviewDto implements CrisisLabelReviewRequest {
  @ApiProperty({ enum: REVIEWED })
  @IsIn(REVIEWED)
  status: 'accepted' | 'rejected';
}

export class CrisisLabelQueryDto {
  @ApiPropertyOptional({ enum: Object.values(CrisisLabelStatus) })
  @IsOptional()
  @IsIn(Object.values(CrisisLabelStatus))
  status?: CrisisLabelStatus;
}
