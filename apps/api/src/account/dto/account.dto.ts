import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, PASSWORD_MAX_LENGTH, WHO_CAN_MESSAGE_ME, type Language, type WhoCanMessageMe } from '@kindred/contracts';
import { IsBoolean, IsIn, IsISO31661Alpha2, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

export const MENTION_CHOICES = ['everyone', 'rooms', 'nobody'] as const;
export type MentionChoice = (typeof MENTION_CHOICES)[number];

export interface MemberSettings {
  showPresence: boolean;
  showTyping: boolean;
  mentionsFrom: MentionChoice;
  /** Who may start a private conversation with the member (default: people in their rooms). */
  whoCanMessageMe: WhoCanMessageMe;
  /** "Seen" in one-to-one conversations, shown only when both people turned it on (default off). */
  readReceipts: boolean;
  /** null follows the browser's language. */
  language: Language | null;
  /** ISO 3166-1 alpha-2 (upper case), chosen by the member: whose crisis resources they see. */
  country: string | null;
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

  @ApiPropertyOptional({ enum: WHO_CAN_MESSAGE_ME, description: 'Who may start a private conversation with you: nobody, people in your rooms, or anyone on Kindred.' })
  @IsOmittable()
  @IsIn(WHO_CAN_MESSAGE_ME)
  whoCanMessageMe?: WhoCanMessageMe;

  @ApiPropertyOptional({ description: 'Show "seen" in one-to-one conversations; only ever shown when the other person turned it on too.' })
  @IsOmittable()
  @IsBoolean()
  readReceipts?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, description: "Kindred's language for you; null follows your browser." })
  // null is a real choice here (back to the browser's language), so only a missing field skips the check.
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsIn(LANGUAGES)
  language?: Language | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ES', description: 'Your country (ISO 3166-1 alpha-2), for crisis resources that fit you; null to use the international ones. Never inferred.' })
  @IsOmittable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(2, 2)
  @Matches(/^[A-Z]{2}$/, { message: 'country must be two capital letters (ISO 3166-1 alpha-2)' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string | null;
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
