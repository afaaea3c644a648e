import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { webAuthn } from './webauthn-library.js';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { handleKeyOf } from '../users/create-user.js';
import { UsersService } from '../users/users.service.js';
import { AuthCeremoniesService, CEREMONY_MS } from './auth-ceremonies.service.js';
import { AuthService, type ClientInfo, type SignedIn } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasskeyRepository } from './passkey.repository.js';
import { passkeyInvalid } from './passkey.service.js';
import { relyingPartyOf } from './passkey-relying-party.js';
import { SignInHistoryService } from './sign-in-history.service.js';

/**
 * Signing in with a passkey, without typing a handle: the browser offers the member's
 * passkeys for this site and the answer names the passkey. Asking for a handle first would
 * tell anyone who types one whether that account has passkeys (and list their ids), and a
 * member being watched types less. A passkey that verified its person is both steps at once.
 */
@Injectable()
export class PasskeySignInService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passkeys: PasskeyRepository,
    private readonly ceremonies: AuthCeremoniesService,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly history: SignInHistoryService,
    private readonly access: AccessService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /** A fresh challenge, bound to this browser's ceremony token (for its cookie). */
  async options(): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; token: string }> {
    const options = await (await webAuthn()).generateAuthenticationOptions({ rpID: relyingPartyOf(this.config).id, userVerification: 'required', allowCredentials: [], timeout: CEREMONY_MS });
    return { options, token: await this.ceremonies.startForBrowser('passkey-sign-in', null, options.challenge) };
  }

  /**
   * The ceremony is used up first, whatever follows, so an answer (right or wrong) can be
   * sent once. Every refusal is the same 401; failures count against the sign-in limits.
   */
  async signIn(token: string | undefined, response: AuthenticationResponseJSON, client: ClientInfo): Promise<SignedIn> {
    await this.throttle.assertAllowed(undefined, client.ip);
    const ceremony = await this.ceremonies.takeForBrowser('passkey-sign-in', token);
    if (!ceremony?.challenge) throw passkeyInvalid('That passkey sign-in took too long or was already used. Please try again.');
    const passkey = await this.passkeys.findByCredentialId(response.id);
    const user = passkey ? await this.users.findById(passkey.userId) : null;
    if (!passkey || !user || user.deletedAt) {
      await this.throttle.recordFailure(undefined, client.ip);
      throw passkeyInvalid('That passkey is not one this site knows. It may have been removed.');
    }
    const handleKey = handleKeyOf(user.handle);
    await this.throttle.assertAllowed(handleKey, client.ip);
    const rp = relyingPartyOf(this.config);
    const checked = await (await webAuthn()).verifyAuthenticationResponse({
      response,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports as never },
      requireUserVerification: true,
    }).catch(() => undefined);
    // The answer's user handle must be the one this passkey was made with.
    const sameUser = !response.response.userHandle || response.response.userHandle === passkey.webauthnUserId;
    const verified = !!checked?.verified && checked.authenticationInfo.userVerified && sameUser;
    if (!verified) {
      await this.throttle.recordFailure(handleKey, client.ip);
      await this.history.recordFailure(user.id, 'passkey', client.device);
      throw passkeyInvalid();
    }
    // Asked only after the passkey checked out: a stranger learns nothing about the account.
    await this.access.require({ user, action: Action.SignIn });
    // A counter that did not move forward means a copied authenticator or a replayed answer.
    if (!(await this.passkeys.recordUse(passkey.id, checked.authenticationInfo.newCounter, this.clock.now()))) {
      await this.throttle.recordFailure(handleKey, client.ip);
      await this.history.recordFailure(user.id, 'passkey', client.device);
      throw passkeyInvalid();
    }
    await this.throttle.recordSuccess(handleKey, client.ip);
    await this.history.recordSuccess(user.id, 'passkey', client.device);
    return this.auth.startSession(user, client);
  }
}
