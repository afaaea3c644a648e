import { ApiProperty } from '@nestjs/swagger';
import { HANDLE_MAX_LENGTH, RECOVERY_CODE_MAX_LENGTH, type RecoverAccountRequest } from '@kindred/contracts';
import { IsString, Length } from 'class-validator';
import { IsSuppliedPassword } from './handle.validators.js';

export class RecoverAccountDto implements RecoverAccountRequest {
  // Loose like sign-in: a malformed handle simply does not match.
  @ApiProperty({ minLength: 1, maxLength: HANDLE_MAX_LENGTH })
  @IsString()
  @Length(1, HANDLE_MAX_LENGTH)
  handle: string;

  @ApiProperty({ minLength: 1, maxLength: RECOVERY_CODE_MAX_LENGTH, example: 'ABCDE-FGH23' })
  @IsString()
  @Length(1, RECOVERY_CODE_MAX_LENGTH)
  recoveryCode: string;

  @IsSuppliedPassword()
  newPassword: string;
}
