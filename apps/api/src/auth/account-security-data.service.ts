import { Injectable } from '@nestjs/common';
import type { PasskeySummary, SignInHistoryEntry } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { AuthCeremonyRepository } from './auth-ceremony.repository.js';
import { PasskeyRepository } from './passkey.repository.js';
import { toPasskeySummary } from './passkey.service.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { SignInEventRepository } from './sign-in-event.repository.js';
import { SignInHistoryService } from './sign-in-history.service.js';
import { TotpCredentialRepository } from './totp-credential.repository.js';

/** What the account feature (export, deletion) needs from the account-safety tables. */
@Injectable()
export class AccountSecurityDataService {
  constructor(
    private readonly history: SignInHistoryService,
    private readonly events: SignInEventRepository,
    private readonly codes: RecoveryCodeRepository,
    private readonly totp: TotpCredentialRepository,
    private readonly passkeys: PasskeyRepository,
    private readonly ceremonies: AuthCeremonyRepository,
  ) {}

  /** The member's own sign-in history is theirs to export; recovery-code hashes are secrets, not data about them. */
  exportFor(userId: string): Promise<SignInHistoryEntry[]> {
    return this.history.list(userId);
  }

  /** Public facts about the member's passkeys (names and times); keys and credential ids are not data about them. */
  async exportPasskeys(userId: string): Promise<PasskeySummary[]> {
    return (await this.passkeys.listFor(userId)).map(toPasskeySummary);
  }

  /** Inside the account-deletion transaction. */
  async eraseFor(userId: string, manager: EntityManager): Promise<void> {
    await this.codes.deleteForUser(userId, manager);
    await this.events.deleteForUser(userId, manager);
    await this.totp.deleteForUser(userId, manager);
    await this.passkeys.deleteForUser(userId, manager);
    await this.ceremonies.deleteForUser(userId, manager);
  }
}
