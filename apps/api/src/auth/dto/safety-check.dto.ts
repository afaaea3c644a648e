import { ApiProperty } from '@nestjs/swagger';
import { SIGN_IN_METHODS, SIGN_IN_OUTCOMES, type SecureAccountResponse, type SignInHistoryEntry, type SignInMethod, type SignInOutcome } from '@kindred/contracts';

export class SignInHistoryEntryDto implements SignInHistoryEntry {
  @ApiProperty({ format: 'date-time', description: 'The start of the hour.' }) hour: string;
  @ApiProperty({ enum: SIGN_IN_OUTCOMES }) outcome: SignInOutcome;
  @ApiProperty({ enum: SIGN_IN_METHODS }) method: SignInMethod;
  @ApiProperty({ description: 'Browser and system family only.' }) device: string;
}

export class SecureAccountResponseDto implements SecureAccountResponse {
  @ApiProperty() revoked: number;
  @ApiProperty({ type: [String], description: 'Shown once; only keyed hashes are kept.' }) recoveryCodes: string[];
}
