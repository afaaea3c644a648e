import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, PASSWORD_MAX_LENGTH, type Language } from '@kindred/contracts';
import { IsBoolean, IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

export const MENTION_CHOICES = ['everyone', 'rooms', 'nobody'] as const;
export type MentionChoice = (typeof MENTION_CHOICES)[number];

export interface MemberSettings {
  showPresence: boolean;
  showTyping: boolean;
  mentionsFrom: MentionChoice;
  /** null follows the browser's language. */
  language: Language | null;
}

export class UpdateSettingsDto implements Partial<MemberSettings> {
  @ApiPropertyOptional({ description: 'Let others see you in chat presence lists.' })
  @IsOmittable()
  @IsBoolean()
  showPresence?: boolean;

  @ApiPropertyOptional({ description: 'Let others see when you are typing.' })
  @IsOmittable()
  @IsBoolean()
  showTyping?: boolean;

  @ApiPropertyOptional({ enum: MENTION_CHOICES })
  @IsOmittable()
  @IsIn(MENTION_CHOICES)
  mentionsFrom?: MentionChoice;

  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, description: "Kindred's language for you; null follows your browser." })
  // null is a real choice here (back to the browser's language), so only a missing field skips the check.
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsIn(LANGUAGES)
  language?: Language | null;
}

export class DeleteAccountDto {
  @ApiProperty({ format: 'password', description: 'Your password, to confirm it is you.' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ description: 'true: erase your posts and messages too. false: keep them, attributed to "former member".' })
  @IsBoolean()
  eraseContent: boolean;
}
