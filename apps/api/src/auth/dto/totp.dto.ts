import { ApiProperty } from '@nestjs/swagger';
import { RECOVERY_CODE_MAX_LENGTH, type TotpConfirmRequest, type TotpDisableRequest, type TotpSetupRequest, type TotpSetupResponse, type TotpStatus, type TwoStepLoginRequest } from '@kindred/contracts';
import { IsString, Length } from 'class-validator';
import { IsSuppliedPassword } from './handle.validators.js';

/** A 6-digit app code or a recovery code; which one is decided by its shape. */
const IsSecondStepCode = () => (target: object, key: string) => {
  ApiProperty({ minLength: 1, maxLength: RECOVERY_CODE_MAX_LENGTH, example: '123456' })(target, key);
  IsString()(target, key);
  Length(1, RECOVERY_CODE_MAX_LENGTH)(target, key);
};

export class TwoStepLoginDto implements TwoStepLoginRequest {
  @IsSecondStepCode()
  code: string;
}

export class TotpSetupDto implements TotpSetupRequest {
  @IsSuppliedPassword()
  password: string;
}

export class TotpConfirmDto implements TotpConfirmRequest {
  @IsSecondStepCode()
  code: string;
}

export class TotpDisableDto implements TotpDisableRequest {
  @IsSuppliedPassword()
  password: string;

  @IsSecondStepCode()
  code: string;
}

export class TotpStatusDto implements TotpStatus {
  @ApiProperty() enabled: boolean;
}

export class TotpSetupResponseDto implements TotpSetupResponse {
  @ApiProperty() otpauthUri: string;
  @ApiProperty() qrDataUrl: string;
  @ApiProperty() secret: string;
}
