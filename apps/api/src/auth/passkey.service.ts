import { createHmac } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, PASSKEY_MAX_PER_MEMBER, type PasskeySummary } from '@kindred/contracts';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { webAuthn } from './webauthn-library.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthContext } from './auth-context.js';
import { AuthCeremoniesService, CEREMONY_MS } from './auth-ceremonies.service.js';
import type { PasskeyEntity } from './passkey.entity.js';
import { PasskeyRepository } from './passkey.repository.js';
import { relyingPartyOf } from './passkey-relying-party.js';
import { requireCurrentPassword } from './password.js';

export const passkeyInvalid = (message = 'That passkey could not be used. Please try again.') => new AppError({ status: HttpStatus.UNAUTHORIZED, code: ErrorCode.PasskeyInvalid, message });

export function toPasskeySummary(p: PasskeyEntity): PasskeySummary {
  return { id: p.id, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null, backedUp: p.backedUp };
}

/**
 * A member's passkeys: adding (with the password again), listing and removing (with the
 * password again). Every passkey must be discoverable and verify the person (PIN, fingerprint,
 * face), because signing in with one counts as both steps.
 */
@Injectable()
export class PasskeyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passkeys: PasskeyRepository,
    private readonly ceremonies: AuthCeremoniesService,
  ) {}

  async list(userId: string): Promise<PasskeySummary[]> {
    return (await this.passkeys.listFor(userId)).map(toPasskeySummary);
  }

  async registrationOptions(auth: AuthContext, password: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    await requireCurrentPassword(auth.user.passwordHash, password, 'password');
    const existing = await this.passkeys.listFor(auth.user.id);
    if (existing.length >= PASSKEY_MAX_PER_MEMBER) {
      throw new AppError({
        status: HttpStatus.CONFLICT,
        code: ErrorCode.Conflict,
        message: `You have ${PASSKEY_MAX_PER_MEMBER} passkeys, the most an account can have. Remove one you no longer use first.`,
      });
    }
    const rp = relyingPartyOf(this.config);
    const options = await (await webAuthn()).generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: auth.user.handle,
      userDisplayName: auth.user.handle,
      userID: this.webauthnUserId(auth.user.id, existing),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
      timeout: CEREMONY_MS,
    });
    await this.ceremonies.startForSession('passkey-registration', auth.session.id, auth.user.id, options.challenge);
    return options;
  }

  /** Checks the browser's answer against the challenge this session was given (once) and stores the public key. */
  async register(auth: AuthContext, name: string, response: RegistrationResponseJSON): Promise<PasskeySummary> {
    const ceremony = await this.ceremonies.takeForSession('passkey-registration', auth.session.id);
    if (!ceremony?.challenge || ceremony.userId !== auth.user.id) throw passkeyInvalid('Adding the passkey took too long or was already finished. Please start again.');
    const rp = relyingPartyOf(this.config);
    const verification = await (await webAuthn()).verifyRegistrationResponse({
      response,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    }).catch(() => ({ verified: false as const }));
    if (!verification.verified) throw passkeyInvalid('That passkey could not be added. Please start again.');
    const { credential, credentialBackedUp } = verification.registrationInfo;
    const existing = await this.passkeys.listFor(auth.user.id);
    const saved = await this.passkeys.add({
      userId: auth.user.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      counter: String(credential.counter),
      transports: credential.transports ?? [],
      webauthnUserId: Buffer.from(this.webauthnUserId(auth.user.id, existing)).toString('base64url'),
      name: name.trim(),
      backedUp: credentialBackedUp,
    });
    return toPasskeySummary(saved);
  }

  async remove(auth: AuthContext, id: string, password: string): Promise<void> {
    await requireCurrentPassword(auth.user.passwordHash, password, 'password');
    if (!(await this.passkeys.removeOwned(auth.user.id, id))) throw AppError.notFound('No such passkey.');
  }

  /**
   * The opaque user handle passkeys carry: the one the member's passkeys already use, else one
   * derived with the server secret (so it can be worked out again when the answer arrives).
   * Never the account id or anything personal.
   */
  private webauthnUserId(userId: string, existing: PasskeyEntity[]): Uint8Array<ArrayBuffer> {
    const known = existing[0]?.webauthnUserId;
    const bytes = known ? Buffer.from(known, 'base64url') : createHmac('sha256', this.config.sessionSecret).update(`webauthn-user:${userId}`).digest();
    return new Uint8Array(bytes);
  }
}
