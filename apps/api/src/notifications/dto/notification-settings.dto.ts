import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateNotificationSettingsRequest } from '@kindred/contracts';
import { IsBoolean } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

/** Each switch on its own; a field left out keeps its value. */
export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsRequest {
  @ApiPropertyOptional({ description: 'Follow threads you start or reply to automatically.' })
  @IsOmittable()
  @IsBoolean()
  autoFollow?: boolean;

  @ApiPropertyOptional({ description: 'New replies in threads you follow.' })
  @IsOmittable()
  @IsBoolean()
  replies?: boolean;

  @ApiPropertyOptional({ description: 'Someone mentioned you.' })
  @IsOmittable()
  @IsBoolean()
  mentions?: boolean;

  @ApiPropertyOptional({ description: 'New threads in rooms you follow.' })
  @IsOmittable()
  @IsBoolean()
  roomThreads?: boolean;

  @ApiPropertyOptional({ description: 'Outcomes of reports, appeals, held posts and join requests, and warnings added to your words. Sanctions are always shown, with their appeal.' })
  @IsOmittable()
  @IsBoolean()
  moderation?: boolean;

  @ApiPropertyOptional({ description: 'Private check-ins from the moderation team.' })
  @IsOmittable()
  @IsBoolean()
  care?: boolean;

  @ApiPropertyOptional({ description: 'Support session reminders and cancellations.' })
  @IsOmittable()
  @IsBoolean()
  sessions?: boolean;
}
