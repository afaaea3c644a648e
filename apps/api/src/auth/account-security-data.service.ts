import { Injectable } from '@nestjs/common';
import type { SignInHistoryEntry } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
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
  ) {}

  /** The member's own sign-in history is theirs to export; recovery-code hashes are secrets, not data about them. */
  exportFor(userId: string): Promise<SignInHistoryEntry[]> {
    return this.history.list(userId);
  }

  /** Inside the account-deletion transaction. */
  async eraseFor(userId: string, manager: EntityManager): Promise<void> {
    await this.codes.deleteForUser(userId, manager);
    await this.events.deleteForUser(userId, manager);
    await this.totp.deleteForUser(userId, manager);
  }
}
