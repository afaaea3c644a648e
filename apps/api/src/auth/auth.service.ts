import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, Role } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { handleKeyOf } from '../users/create-user.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { AuthContext } from './auth-context.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import type { LoginDto } from './dto/login.dto.js';
import type { RecoverAccountDto } from './dto/recover-account.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import { DraftRepository } from '../drafts/draft.repository.js';
import { SiteSettingsService } from '../site-settings/site-settings.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { burnPasswordCheck, hashPassword, requireCurrentPassword, verifyPassword, weakPasswordError } from './password.js';
import { RecoveryService } from './recovery.service.js';
import { SessionService } from './session.service.js';
import { SignInHistoryService } from './sign-in-history.service.js';
import { AuthCeremoniesService } from './auth-ceremonies.service.js';
import { TotpService, invalidCode } from './totp.service.js';

export interface ClientInfo {
  ip: string;
  device: string;
  /** The session token the browser already had, if any; it is replaced, never reused. */
  previousToken?: string;
}

export interface SignedIn {
  user: UserEntity;
  token: string;
}

/** The password was right, and a second step is needed: the token goes in the pending cookie. */
export interface PendingTwoStep {
  pendingToken: string;
}

class WrongSecondStep extends Error {}

const twoStepExpired = () =>
  new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.TwoStepExpired, message: 'That sign-in took too long or has finished already. Please enter your handle and password again.' });

export interface Registered extends SignedIn {
  recoveryCodes: string[];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly recovery: RecoveryService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: SignInHistoryService,
    private readonly totp: TotpService,
    private readonly ceremonies: AuthCeremoniesService,
    private readonly site: SiteSettingsService,
    private readonly drafts: DraftRepository,
  ) {}

  /** The account and its recovery codes are written together: no account is left without them. */
  async register(dto: RegisterDto, client: ClientInfo): Promise<Registered> {
    const { user, recoveryCodes } = await this.db.transaction(async (manager) => {
      // Closed or invite-only registration is decided first; an invite's use is given back if the rest fails.
      await this.site.admitRegistration(dto.inviteCode, manager);
      const created = await this.users.create({ handle: dto.handle, password: dto.password, email: dto.email, role: Role.Member }, manager);
      return { user: created, recoveryCodes: await this.recovery.issue(created.id, manager) };
    });
    await this.history.recordSuccess(user.id, 'registration', client.device);
    return { ...(await this.startSession(user, client)), recoveryCodes };
  }

  /**
   * Forgot password: the recovery code resets the password and ends every session. Without
   * two-step sign-in a fresh session starts here. With it, the reset does not sign in: the
   * second step is still asked (an app code, or a different recovery code, since the one just
   * used is spent), so a recovery code found on paper is not enough to get in, and two-step
   * stays on.
   */
  async recover(dto: RecoverAccountDto, client: ClientInfo): Promise<SignedIn | PendingTwoStep> {
    const user = await this.recovery.recover(dto, client);
    // A banned member's password is reset (the code was theirs) but no session starts.
    await this.access.require({ user, action: Action.SignIn });
    if (await this.totp.isEnabled(user.id)) return this.pendingSecondStep(user);
    await this.history.recordSuccess(user.id, 'recovery-code', client.device);
    return this.startSession(user, client);
  }

  async login(dto: LoginDto, client: ClientInfo): Promise<SignedIn | PendingTwoStep> {
    const handleKey = handleKeyOf(dto.handle);
    await this.throttle.assertAllowed(handleKey, client.ip);
    const user = await this.users.findByHandle(dto.handle);
    const valid = user ? await verifyPassword(user.passwordHash, dto.password) : (await burnPasswordCheck(dto.password), false);
    if (!user || !valid) {
      await this.throttle.recordFailure(handleKey, client.ip);
      if (user) await this.history.recordFailure(user.id, 'password', client.device);
      // One message for unknown handles and wrong passwords: no account enumeration.
      throw new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.InvalidCredentials, message: 'That handle and password do not match.' });
    }
    // Asked only after the password: a stranger learns nothing about the account.
    await this.access.require({ user, action: Action.SignIn });
    // The failure counters are cleared only after the second step, so knowing the password
    // does not buy fresh guesses at the code.
    if (await this.totp.isEnabled(user.id)) return this.pendingSecondStep(user);
    await this.throttle.recordSuccess(handleKey, client.ip);
    await this.history.recordSuccess(user.id, 'password', client.device);
    return this.startSession(user, client);
  }

  /**
   * The second step: an app code or a recovery code, limited like the password step. The
   * pending record is used up in the same transaction as the code, so a successful second step
   * cannot be replayed, and a wrong code leaves it for another try (within its five minutes).
   */
  async completeTwoStep(pendingToken: string | undefined, code: string, client: ClientInfo): Promise<SignedIn> {
    const userId = await this.ceremonies.peekForBrowser('pending-login', pendingToken);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.deletedAt) throw twoStepExpired();
    const handleKey = handleKeyOf(user.handle);
    await this.throttle.assertAllowed(handleKey, client.ip);
    const outcome = await this.db
      .transaction(async (manager) => {
        const pending = await this.ceremonies.takeForBrowser('pending-login', pendingToken, manager);
        if (pending?.userId !== user.id) return 'expired' as const;
        // Throwing rolls the transaction back: the pending record stays for another try.
        if (!(await this.totp.verifySecondStep(user.id, code, manager))) throw new WrongSecondStep();
        return 'passed' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof WrongSecondStep) return 'wrong' as const;
        throw error;
      });
    if (outcome === 'expired') throw twoStepExpired();
    if (outcome === 'wrong') {
      await this.throttle.recordFailure(handleKey, client.ip);
      await this.history.recordFailure(user.id, 'two-step', client.device);
      throw invalidCode();
    }
    await this.throttle.recordSuccess(handleKey, client.ip);
    await this.access.require({ user, action: Action.SignIn });
    await this.history.recordSuccess(user.id, 'two-step', client.device);
    return this.startSession(user, client);
  }

  private async pendingSecondStep(user: UserEntity): Promise<PendingTwoStep> {
    return { pendingToken: await this.ceremonies.startForBrowser('pending-login', user.id, null) };
  }

  /** Starts a session after the account has been verified or created. */
  async startSession(user: UserEntity, client: ClientInfo): Promise<SignedIn> {
    if (client.previousToken) {
      const previous = await this.sessions.resolve(client.previousToken);
      if (previous) await this.sessions.revoke(previous.session.id, 'logout');
    }
    const { token } = await this.sessions.create(user.id, client.device);
    return { user, token };
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.sessions.revoke(auth.session.id, 'logout');
  }

  logoutEverywhere(auth: AuthContext): Promise<number> {
    return this.sessions.revokeAll(auth.user.id, 'logout-everywhere');
  }

  logoutOtherDevices(auth: AuthContext): Promise<number> {
    return this.sessions.revokeAll(auth.user.id, 'other-devices', auth.session.id);
  }

  /**
   * Quick exit: ends this browser's session if there is one, and forgets the member's unsent
   * words everywhere (someone may be looking over their shoulder); always succeeds. The session
   * ends first: a draft save still on its way then undoes itself (see DraftsService.save).
   */
  async exit(token: string | undefined): Promise<void> {
    if (!token) return;
    const current = await this.sessions.resolve(token);
    if (!current) return;
    await this.sessions.revoke(current.session.id, 'exit');
    await this.drafts.forgetUser(current.user.id);
  }

  /** Changing the password signs out every other device: whoever knew the old one is out. */
  async changePassword(auth: AuthContext, dto: ChangePasswordDto): Promise<void> {
    await requireCurrentPassword(auth.user.passwordHash, dto.currentPassword);
    const weak = await weakPasswordError(dto.newPassword, { handle: auth.user.handle, email: auth.user.email }, 'newPassword');
    if (weak) throw weak;
    await this.users.setPasswordHash(auth.user.id, await hashPassword(dto.newPassword), this.clock.now());
    await this.sessions.revokeAll(auth.user.id, 'password-changed', auth.session.id);
  }
}
