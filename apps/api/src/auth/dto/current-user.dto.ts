import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, ROLES, type CurrentUser, type Language, type MeResponse, type Role, type SessionSummary } from '@kindred/contracts';
import type { UserEntity } from '../../users/user.entity.js';
import { DeviceKindDto } from './safety-check.dto.js';

export class CurrentUserDto implements CurrentUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() handle: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: LANGUAGES, nullable: true, description: "null follows the browser's language." }) language: Language | null;

  static from(user: UserEntity): CurrentUserDto {
    return { id: user.id, handle: user.handle, role: user.role, createdAt: user.createdAt.toISOString(), language: user.language };
  }
}

export class MeResponseDto implements MeResponse {
  @ApiProperty({ type: CurrentUserDto, nullable: true, description: 'null when this browser is not signed in.' }) user: CurrentUserDto | null;
}

export class SessionSummaryDto implements SessionSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() current: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Browser and system family only, in English.' }) device: string;
  @ApiProperty({ type: DeviceKindDto, description: 'The same, for the app to word in the member’s language.' }) deviceKind: DeviceKindDto;
}
