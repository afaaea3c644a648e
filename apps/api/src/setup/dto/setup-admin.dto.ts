import { ApiProperty } from '@nestjs/swagger';
import type { SetupAdminRequest, SetupStatus } from '@kindred/contracts';
import { IsString, Length } from 'class-validator';
import { IsHandle, IsSuppliedPassword } from '../../auth/dto/handle.validators.js';

export class SetupAdminDto implements SetupAdminRequest {
  @ApiProperty({ description: 'The one-time token from the setup link printed in the server console.' })
  @IsString()
  @Length(16, 128)
  token: string;

  @IsHandle()
  handle: string;

  @IsSuppliedPassword()
  password: string;
}

export class SetupStatusDto implements SetupStatus {
  @ApiProperty() needed: boolean;
}
