import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PASSKEY_NAME_MAX_LENGTH,
  type PasskeyRegistrationOptionsRequest,
  type PasskeyRegistrationRequest,
  type PasskeySignInRequest,
  type PasskeySummary,
  type RemovePasskeyRequest,
} from '@kindred/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsSuppliedPassword } from './handle.validators.js';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Binary values travel as base64url text; the limits are far above what authenticators send. */
const IsBase64Url = (maxLength: number) =>
  applyDecorators(ApiProperty({ maxLength, pattern: BASE64URL.source }), IsString(), MaxLength(maxLength), Matches(BASE64URL, { message: '$property must be base64url text' }));

const IsOptionalBase64Url = (maxLength: number) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength, pattern: BASE64URL.source }),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
    Matches(BASE64URL, { message: '$property must be base64url text' }),
  );

const CREDENTIAL_ID_MAX = 1400;
const ATTACHMENTS = ['platform', 'cross-platform'];

class AttestationResponseDto {
  @IsBase64Url(4096) clientDataJSON: string;
  @IsBase64Url(65536) attestationObject: string;
  @IsOptionalBase64Url(65536) authenticatorData?: string;
  @IsOptionalBase64Url(8192) publicKey?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  publicKeyAlgorithm?: number;

  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  transports?: string[];
}

class AssertionResponseDto {
  @IsBase64Url(4096) clientDataJSON: string;
  @IsBase64Url(8192) authenticatorData: string;
  @IsBase64Url(2048) signature: string;
  @IsOptionalBase64Url(128) userHandle?: string;
}

/** What `PublicKeyCredential.toJSON()` gives; the fields common to both ceremonies. */
class CredentialJsonDto {
  @IsBase64Url(CREDENTIAL_ID_MAX) id: string;
  @IsBase64Url(CREDENTIAL_ID_MAX) rawId: string;

  @ApiProperty({ enum: ['public-key'] })
  @IsIn(['public-key'])
  type: 'public-key';

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  clientExtensionResults: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ATTACHMENTS })
  @IsOptional()
  @IsIn(ATTACHMENTS)
  authenticatorAttachment?: 'platform' | 'cross-platform';
}

export class RegistrationCredentialDto extends CredentialJsonDto {
  @ApiProperty({ type: AttestationResponseDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AttestationResponseDto)
  response: AttestationResponseDto;
}

export class AuthenticationCredentialDto extends CredentialJsonDto {
  @ApiProperty({ type: AssertionResponseDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AssertionResponseDto)
  response: AssertionResponseDto;
}

export class PasskeyRegistrationOptionsDto implements PasskeyRegistrationOptionsRequest {
  @IsSuppliedPassword()
  password: string;
}

export class PasskeyRegistrationDto implements PasskeyRegistrationRequest {
  @ApiProperty({ minLength: 1, maxLength: PASSKEY_NAME_MAX_LENGTH, example: 'My phone' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MinLength(1)
  @MaxLength(PASSKEY_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ type: RegistrationCredentialDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationCredentialDto)
  response: RegistrationCredentialDto;
}

export class PasskeySignInDto implements PasskeySignInRequest {
  @ApiProperty({ type: AuthenticationCredentialDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AuthenticationCredentialDto)
  response: AuthenticationCredentialDto;
}

export class RemovePasskeyDto implements RemovePasskeyRequest {
  @IsSuppliedPassword()
  password: string;
}

export class PasskeySummaryDto implements PasskeySummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ description: 'Synced to the member’s other devices by their phone or password manager.' }) backedUp: boolean;
}
