import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SecureAccountResponse } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { UsersService } from '../users/users.service.js';
import type { AuthContext } from './auth-context.js';
import type { SecureAccountDto } from './dto/secure-account.dto.js';
import { hashPassword, requireCurrentPassword, weakPasswordError } from './password.js';
import { RecoveryService } from './recovery.service.js';
import { SessionService } from './session.service.js';

/** The safety check's one button: "someone else may know my password". */
@Injectable()
export class AccountSafetyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly recovery: RecoveryService,
    private readonly clock: Clock,
  ) {}

  /**
   * New password, every other session ended and a new set of recovery codes, in one
   * transaction: if any part fails, nothing changed. Sockets close once it has committed.
   */
  async secure(auth: AuthContext, dto: SecureAccountDto): Promise<SecureAccountResponse> {
    await requireCurrentPassword(auth.user.passwordHash, dto.currentPassword);
    const weak = await weakPasswordError(dto.newPassword, { handle: auth.user.handle, email: auth.user.email }, 'newPassword');
    if (weak) throw weak;
    const newHash = await hashPassword(dto.newPassword);
    const { revoked, recoveryCodes } = await this.db.transaction(async (manager) => {
      await this.users.setPasswordHash(auth.user.id, newHash, this.clock.now(), manager);
      const ended = await this.sessions.revokeAllWithin(manager, auth.user.id, 'secured', auth.session.id);
      return { revoked: ended, recoveryCodes: await this.recovery.issue(auth.user.id, manager) };
    });
    revoked.announce();
    return { revoked: revoked.count, recoveryCodes };
  }
}
