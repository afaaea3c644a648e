import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADMIN_REASON_MAX_LENGTH,
  REGISTRATION_MODES,
  ROLES,
  type ChangeRoleRequest,
  type CreateSiteInviteRequest,
  type CrisisResourceInput,
  type RegistrationMode,
  type Role,
  type SetCountryResourcesRequest,
  type UpdateSiteSettingsRequest,
} from '@kindred/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

/** Every admin change names its reason: it is what the moderation log shows the other admins. */
function Reason() {
  return (target: object, key: string) => {
    ApiProperty({ maxLength: ADMIN_REASON_MAX_LENGTH })(target, key);
    IsString()(target, key);
    Length(1, ADMIN_REASON_MAX_LENGTH)(target, key);
  };
}

export class UpdateSiteSettingsDto implements UpdateSiteSettingsRequest {
  @ApiPropertyOptional({ enum: REGISTRATION_MODES })
  @IsOmittable()
  @IsIn(REGISTRATION_MODES)
  registrationMode?: RegistrationMode;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  demoNotice?: boolean;

  @Reason()
  reason: string;
}

export class SetCountryResourcesDto implements SetCountryResourcesRequest {
  /** Checked resource by resource with the configuration's own rules (see parseCountryResources); null goes back to the configured list. */
  @ApiProperty({ type: 'array', nullable: true, items: { type: 'object' }, description: 'null: use the configured resources for this country again.' })
  @ValidateIf((_, value) => value !== null)
  @IsArray()
  @ArrayMaxSize(40)
  resources: CrisisResourceInput[] | null;

  @Reason()
  reason: string;
}

export class CreateSiteInviteDto implements CreateSiteInviteRequest {
  @ApiProperty({ minimum: 1, maximum: 24 * 90 })
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  expiresInHours: number;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxUses: number;

  @ApiPropertyOptional({ maxLength: ADMIN_REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(ADMIN_REASON_MAX_LENGTH)
  reason?: string;
}

export class ChangeRoleDto implements ChangeRoleRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @Reason()
  reason: string;
}
