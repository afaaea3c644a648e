import { ApiProperty } from '@nestjs/swagger';
import type { RecoveryCodesResponse, RecoveryCodesStatus, RegenerateRecoveryCodesRequest, RegisterResponse } from '@kindred/contracts';
import type { UserEntity } from '../../users/user.entity.js';
import { CurrentUserDto } from './current-user.dto.js';
import { IsSuppliedPassword } from './handle.validators.js';

export class RegenerateRecoveryCodesDto implements RegenerateRecoveryCodesRequest {
  @IsSuppliedPassword()
  password: string;
}

export class RecoveryCodesDto implements RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: 'Shown once; only keyed hashes are kept.' }) recoveryCodes: string[];
}

export class RecoveryCodesStatusDto implements RecoveryCodesStatus {
  @ApiProperty() remaining: number;
}

export class RegisteredUserDto extends CurrentUserDto implements RegisterResponse {
  @ApiProperty({ type: [String], description: 'Shown once; only keyed hashes are kept.' }) recoveryCodes: string[];

  static withCodes(user: UserEntity, recoveryCodes: string[]): RegisteredUserDto {
    return { ...CurrentUserDto.from(user), recoveryCodes };
  }
}
