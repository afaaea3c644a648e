import { ApiProperty } from '@nestjs/swagger';
import { SIGN_IN_METHODS, SIGN_IN_OUTCOMES, type DeviceKind, type SecureAccountResponse, type SignInHistoryEntry, type SignInMethod, type SignInOutcome } from '@kindred/contracts';

export class DeviceKindDto implements DeviceKind {
  @ApiProperty({ type: String, nullable: true, description: 'Browser family by name (Firefox, Chrome…); null when not recognised.' }) browser: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'System family by name (Android, iOS…); null when not recognised.' }) system: string | null;
}

export class SignInHistoryEntryDto implements SignInHistoryEntry {
  @ApiProperty({ format: 'date-time', description: 'The start of the hour.' }) hour: string;
  @ApiProperty({ enum: SIGN_IN_OUTCOMES }) outcome: SignInOutcome;
  @ApiProperty({ enum: SIGN_IN_METHODS }) method: SignInMethod;
  @ApiProperty({ description: 'Browser and system family only, in English.' }) device: string;
  @ApiProperty({ type: DeviceKindDto, description: 'The same, for the app to word in the member’s language.' }) deviceKind: DeviceKindDto;
}

export class SecureAccountResponseDto implements SecureAccountResponse {
  @ApiProperty() revoked: number;
  @ApiProperty({ type: [String], description: 'Shown once; only keyed hashes are kept.' }) recoveryCodes: string[];
}
