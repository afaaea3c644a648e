import type { SecureAccountRequest } from '@kindred/contracts';
import { IsSuppliedPassword } from './handle.validators.js';

export class SecureAccountDto implements SecureAccountRequest {
  @IsSuppliedPassword()
  currentPassword: string;

  @IsSuppliedPassword()
  newPassword: string;
}
