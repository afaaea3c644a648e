import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTENT_WARNING_CATEGORIES,
  HANDLE_MAX_LENGTH,
  WarningPreference,
  type BlockRequest,
  type ContentWarningCategory,
  type UpdateWarningPreferencesRequest,
} from '@kindred/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

const PREFERENCES = Object.values(WarningPreference);

/** One optional field per taxonomy category; unknown categories are rejected. */
export class UpdateWarningPreferencesDto implements UpdateWarningPreferencesRequest {
  [key: string]: unknown;
}
for (const category of CONTENT_WARNING_CATEGORIES) {
  const target = UpdateWarningPreferencesDto.prototype;
  ApiPropertyOptional({ enum: PREFERENCES })(target, category);
  IsOmittable()(target, category); // not IsOptional: a null preference reached a NOT NULL column (500)
  IsIn(PREFERENCES, { message: `${category} must be one of: ${PREFERENCES.join(', ')}` })(target, category);
}
export type PreferenceKey = ContentWarningCategory;

export class BlockDto implements BlockRequest {
  @ApiProperty({ maxLength: HANDLE_MAX_LENGTH })
  @IsString()
  @Length(1, HANDLE_MAX_LENGTH)
  handle: string;
}
