import { ApiProperty } from '@nestjs/swagger';
import { HANDLE_MAX_LENGTH } from '@kindred/contracts';
import { IsString, Matches } from 'class-validator';

export class MentionCandidatesQueryDto {
  @ApiProperty({ example: 'ab', description: 'The start of a handle, as typed after "@" (any case).', minLength: 1, maxLength: HANDLE_MAX_LENGTH, pattern: `^[A-Za-z0-9_-]{1,${HANDLE_MAX_LENGTH}}$` })
  @IsString()
  @Matches(new RegExp(`^[A-Za-z0-9_-]{1,${HANDLE_MAX_LENGTH}}$`), { message: `q must be 1 to ${HANDLE_MAX_LENGTH} letters, digits, "_" or "-"` })
  q: string;
}
