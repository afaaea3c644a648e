import { ApiPropertyOptional } from '@nestjs/swagger';
import { BOOKMARK_NOTE_MAX_LENGTH, type SaveBookmarkRequest } from '@kindred/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SaveBookmarkDto implements SaveBookmarkRequest {
  @ApiPropertyOptional({ type: String, maxLength: BOOKMARK_NOTE_MAX_LENGTH, nullable: true, description: 'A private note; only the member sees it.' })
  @IsOptional()
  @IsString()
  @MaxLength(BOOKMARK_NOTE_MAX_LENGTH)
  note?: string | null;
}
