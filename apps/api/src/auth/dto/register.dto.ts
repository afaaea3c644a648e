import { ApiPropertyOptional } from '@nestjs/swagger';
import { EMAIL_MAX_LENGTH, type RegisterRequest } from '@kindred/contracts';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsHandle, IsSuppliedPassword } from './handle.validators.js';

export class RegisterDto implements RegisterRequest {
  @IsHandle()
  handle: string;

  @IsSuppliedPassword()
  password: string;

  @ApiPropertyOptional({ maxLength: EMAIL_MAX_LENGTH, description: 'Optional; never shown to other members.' })
  @IsOptional()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'A site invite code: required while registration is invite-only.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  inviteCode?: string;
}
