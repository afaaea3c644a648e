import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { HANDLE_GUIDANCE, HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH, HANDLE_PATTERN_SOURCE, PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';

export const IsHandle = () =>
  applyDecorators(
    ApiProperty({ minLength: HANDLE_MIN_LENGTH, maxLength: HANDLE_MAX_LENGTH, pattern: HANDLE_PATTERN_SOURCE, description: HANDLE_GUIDANCE }),
    IsString(),
    Length(HANDLE_MIN_LENGTH, HANDLE_MAX_LENGTH, {
      message: `handle must be ${HANDLE_MIN_LENGTH} to ${HANDLE_MAX_LENGTH} characters`,
    }),
    Matches(new RegExp(HANDLE_PATTERN_SOURCE), { message: 'handle may use only letters, digits, _ and -' }),
  );

/** Presence and an upper bound only; strength rules apply when a password is chosen. */
export const IsSuppliedPassword = () =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, format: 'password' }),
    IsString(),
    MinLength(1, { message: 'password is required' }),
    MaxLength(PASSWORD_MAX_LENGTH),
  );
