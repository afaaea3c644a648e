import { ApiProperty } from '@nestjs/swagger';
import { HANDLE_MAX_LENGTH, type LoginRequest } from '@kindred/contracts';
import { IsString, Length } from 'class-validator';
import { IsSuppliedPassword } from './handle.validators.js';

export class LoginDto implements LoginRequest {
  // Loose on purpose: a malformed handle simply fails to sign in, like a wrong one.
  @ApiProperty({ minLength: 1, maxLength: HANDLE_MAX_LENGTH })
  @IsString()
  @Length(1, HANDLE_MAX_LENGTH)
  handle: string;

  @IsSuppliedPassword()
  password: string;
}
