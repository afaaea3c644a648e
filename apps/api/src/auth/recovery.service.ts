import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, RECOVERY_CODE_COUNT } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { handleKeyOf } from '../users/create-user.js';
import { UsersService } from '../users/users.service.js';
import type { AuthContext } from './auth-context.js';
import type { ClientInfo } from './auth.service.js';
import type { RecoverAccountDto } from './dto/recover-account.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { burnPasswordCheck, hashPassword, requireCurrentPassword, weakPasswordError } from './password.js';
import { hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recovery-code.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { SessionService } from './session.service.js';
import { SignInHistoryService } from './sign-in-history.service.js';
import type { UserEntity } from '../users/user.entity.js';

/** One answer for an unknown handle, a wrong code and a used code: no account enumeration. */
const noMatch = () => new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.RecoveryCodeInvalid, message: 'That handle and recovery code do not match.' });

@Injectable()
export class RecoveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly codes: RecoveryCodeRepository,
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    private readonly history: SignInHistoryService,
  ) {}

  /** A new set for the member, replacing any old one; the plain codes leave the server once, here. */
  async issue(userId: string, manager?: EntityManager): Promise<string[]> {
    const plain = new Set<string>();
    while (plain.size < RECOVERY_CODE_COUNT) plain.add(newRecoveryCode());
    const codes = [...plain];
    await this.codes.replaceAll(userId, codes.map((c) => this.hash(userId, c)), manager);
    return codes;
  }

  async regenerate(auth: AuthContext, password: string): Promise<string[]> {
    await requireCurrentPassword(auth.user.passwordHash, password, 'password');
    return this.issue(auth.user.id);
  }

  /** Uses up one code as a second step at sign-in; false when it is wrong or used. */
  async consumeCode(userId: string, input: string, manager?: EntityManager): Promise<boolean> {
    const code = normalizeRecoveryCode(input);
    return !!code && (await this.codes.consume(userId, this.hash(userId, code), this.clock.now(), manager));
  }

  remaining(userId: string): Promise<number> {
    return this.codes.countUnused(userId);
  }

  /**
   * Forgot password. Shares sign-in's failure counters (a code guess counts like a password
   * guess, so the two do not add up to a bigger budget). Code, password and the end of every
   * session change together in one transaction; sockets close once it has committed.
   */
  async recover(dto: RecoverAccountDto, client: ClientInfo): Promise<UserEntity> {
    // Checked against the typed handle before anything is looked up, so the answer cannot tell
    // whether the account exists.
    const weak = await weakPasswordError(dto.newPassword, { handle: dto.handle }, 'newPassword');
    if (weak) throw weak;
    const handleKey = handleKeyOf(dto.handle);
    await this.throttle.assertAllowed(handleKey, client.ip);
    const user = await this.users.findByHandle(dto.handle);
    const code = normalizeRecoveryCode(dto.recoveryCode);
    const fail = async (): Promise<never> => {
      await this.throttle.recordFailure(handleKey, client.ip);
      if (user && !user.deletedAt) await this.history.recordFailure(user.id, 'recovery-code', client.device);
      throw noMatch();
    };
    if (!user || user.deletedAt || !code) {
      // Keeps the timing close to a real attempt, which hashes the new password.
      await burnPasswordCheck(dto.newPassword);
      return fail();
    }
    const newHash = await hashPassword(dto.newPassword);
    const announce = await this.db.transaction(async (manager) => {
      if (!(await this.codes.consume(user.id, this.hash(user.id, code), this.clock.now(), manager))) return undefined;
      await this.users.setPasswordHash(user.id, newHash, this.clock.now(), manager);
      return (await this.sessions.revokeAllWithin(manager, user.id, 'account-recovered')).announce;
    });
    if (!announce) return fail();
    announce();
    await this.throttle.recordSuccess(handleKey, client.ip);
    return user;
  }

  private hash(userId: string, normalizedOrDisplayed: string): string {
    return hashRecoveryCode(this.config.sessionSecret, userId, normalizeRecoveryCode(normalizedOrDisplayed) ?? normalizedOrDisplayed);
  }
}
