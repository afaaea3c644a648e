import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type TotpSetupResponse, ErrorReason } from '@kindred/contracts';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthContext } from './auth-context.js';
import { requireCurrentPassword } from './password.js';
import { RecoveryService } from './recovery.service.js';
import { TotpCredentialRepository } from './totp-credential.repository.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';

const PERIOD_S = 30;
/** One step either side: phones whose clock is a little off still work; older codes do not. */
const WINDOW = 1;

export const invalidCode = () => new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.TwoStepCodeInvalid, message: 'That code did not work. Codes change every 30 seconds and each works once.' });

/** Optional two-step sign-in with an authenticator app (RFC 6238 TOTP, the common defaults). */
@Injectable()
export class TotpService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly credentials: TotpCredentialRepository,
    private readonly recovery: RecoveryService,
    private readonly clock: Clock,
  ) {}

  isEnabled(userId: string): Promise<boolean> {
    return this.credentials.isEnabled(userId);
  }

  async setup(auth: AuthContext, password: string): Promise<TotpSetupResponse> {
    await requireCurrentPassword(auth.user.passwordHash, password, 'password');
    if (await this.isEnabled(auth.user.id)) throw AppError.conflict('Two-step sign-in is already on.', ErrorReason.TwoStepAlreadyOn);
    const secret = new Secret({ size: 20 });
    const otpauthUri = this.totp(secret, auth.user.handle).toString();
    await this.credentials.saveUnconfirmed(auth.user.id, sealTotpSecret(this.config.sessionSecret, secret.base32));
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { otpauthUri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, secret: secret.base32 };
  }

  /** The first code proves the app holds the secret; only then does sign-in ask for codes. */
  async confirm(auth: AuthContext, code: string): Promise<void> {
    const credential = await this.credentials.find(auth.user.id);
    if (!credential || credential.confirmedAt) throw AppError.conflict('Start setting up two-step sign-in first.', ErrorReason.TwoStepNotStarted);
    const step = this.matchingStep(credential.secretEncrypted, code);
    if (step === undefined) throw new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.TwoStepCodeInvalid, message: 'That code did not work. Check the time on your phone and try the newest code.', details: [{ field: 'code', code: 'twoStep.codeMismatch', problem: 'This code did not match.' }] });
    if (!(await this.credentials.confirm(auth.user.id, step, this.clock.now()))) throw AppError.conflict('Two-step sign-in is already on.', ErrorReason.TwoStepAlreadyOn);
  }

  async disable(auth: AuthContext, password: string, code: string): Promise<void> {
    await requireCurrentPassword(auth.user.passwordHash, password, 'password');
    if (!(await this.isEnabled(auth.user.id))) throw AppError.conflict('Two-step sign-in is not on.', ErrorReason.TwoStepNotOn);
    if (!(await this.verifySecondStep(auth.user.id, code))) throw invalidCode();
    await this.credentials.remove(auth.user.id);
  }

  /** A 6-digit code from the app (each time step once), or one of the member's recovery codes. */
  async verifySecondStep(userId: string, code: string, manager?: EntityManager): Promise<boolean> {
    const trimmed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(trimmed)) return this.recovery.consumeCode(userId, code, manager);
    const credential = await this.credentials.find(userId);
    if (!credential?.confirmedAt) return false;
    const step = this.matchingStep(credential.secretEncrypted, trimmed);
    return step !== undefined && (await this.credentials.useStep(userId, step, manager));
  }

  private matchingStep(sealed: string, code: string): number | undefined {
    const secret = Secret.fromBase32(openTotpSecret(this.config.sessionSecret, sealed));
    const timestamp = this.clock.now().getTime();
    const delta = this.totp(secret, 'x').validate({ token: code.replace(/\s/g, ''), timestamp, window: WINDOW });
    return delta === null ? undefined : Math.floor(timestamp / 1000 / PERIOD_S) + delta;
  }

  private totp(secret: Secret, label: string): TOTP {
    return new TOTP({ issuer: 'Kindred', label, secret, algorithm: 'SHA1', digits: 6, period: PERIOD_S });
  }
}
