import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { IsBoolean, IsIn, IsString, Length } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

export const MENTION_CHOICES = ['everyone', 'rooms', 'nobody'] as const;
export type MentionChoice = (typeof MENTION_CHOICES)[number];

export interface MemberSettings {
  showPresence: boolean;
  showTyping: boolean;
  mentionsFrom: MentionChoice;
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
