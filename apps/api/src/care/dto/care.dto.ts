import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CARE_MESSAGE_MAX_LENGTH,
  CARE_NOTE_MAX_LENGTH,
  CARE_TEMPLATE_TITLE_MAX_LENGTH,
  type CareTemplateRequest,
  type CheckInReplyRequest,
  type CheckInRequest,
  type HandOverRequest,
  type MarkSupportedRequest,
  type NotACrisisRequest,
} from '@kindred/contracts';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CareTemplateDto implements CareTemplateRequest {
  @ApiProperty({ maxLength: CARE_TEMPLATE_TITLE_MAX_LENGTH })
  @IsString()
  @Length(1, CARE_TEMPLATE_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ maxLength: CARE_MESSAGE_MAX_LENGTH })
  @IsString()
  @Length(1, CARE_MESSAGE_MAX_LENGTH)
  body: string;
}

export class CheckInDto implements CheckInRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'A template to send; or give `body` instead.' })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ maxLength: CARE_MESSAGE_MAX_LENGTH, description: 'Words of your own; or give `templateId` instead.' })
  @IsOptional()
  @IsString()
  @Length(1, CARE_MESSAGE_MAX_LENGTH)
  body?: string;
}

export class MarkSupportedDto implements MarkSupportedRequest {
  @ApiProperty({ maxLength: CARE_NOTE_MAX_LENGTH, description: 'Private to moderators.' })
  @IsString()
  @Length(1, CARE_NOTE_MAX_LENGTH)
  note: string;
}

export class HandOverDto implements HandOverRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toUserId: string;

  @ApiPropertyOptional({ maxLength: CARE_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, CARE_NOTE_MAX_LENGTH)
  note?: string;
}

export class NotACrisisDto implements NotACrisisRequest {
  @ApiPropertyOptional({ maxLength: CARE_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, CARE_NOTE_MAX_LENGTH)
  note?: string;
}

export class CheckInReplyDto implements CheckInReplyRequest {
  @ApiProperty({ maxLength: CARE_MESSAGE_MAX_LENGTH })
  @IsString()
  @Length(1, CARE_MESSAGE_MAX_LENGTH)
  body: string;
}
