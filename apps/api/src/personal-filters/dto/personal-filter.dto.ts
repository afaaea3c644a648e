import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PERSONAL_FILTER_LABEL_MAX_LENGTH,
  PERSONAL_FILTER_PHRASE_MAX_LENGTH,
  PersonalFilterMode,
  type CreatePersonalFilterRequest,
  type UpdatePersonalFilterRequest,
} from '@kindred/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

const MODES = Object.values(PersonalFilterMode);

export class CreatePersonalFilterDto implements CreatePersonalFilterRequest {
  @ApiProperty({ minLength: 1, maxLength: PERSONAL_FILTER_PHRASE_MAX_LENGTH })
  @IsString()
  @Length(1, PERSONAL_FILTER_PHRASE_MAX_LENGTH)
  phrase: string;

  @ApiProperty({ enum: MODES })
  @IsIn(MODES)
  mode: PersonalFilterMode;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  wholeWord?: boolean;

  @ApiPropertyOptional({ type: String, maxLength: PERSONAL_FILTER_LABEL_MAX_LENGTH, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PERSONAL_FILTER_LABEL_MAX_LENGTH)
  label?: string | null;
}

export class UpdatePersonalFilterDto implements UpdatePersonalFilterRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: PERSONAL_FILTER_PHRASE_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @Length(1, PERSONAL_FILTER_PHRASE_MAX_LENGTH)
  phrase?: string;

  @ApiPropertyOptional({ enum: MODES })
  @IsOmittable()
  @IsIn(MODES)
  mode?: PersonalFilterMode;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  wholeWord?: boolean;

  @ApiPropertyOptional({ type: String, maxLength: PERSONAL_FILTER_LABEL_MAX_LENGTH, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PERSONAL_FILTER_LABEL_MAX_LENGTH)
  label?: string | null;
}
