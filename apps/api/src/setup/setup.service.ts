import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, Role } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppStateRepository } from '../database/app-state.repository.js';
import type { UserEntity } from '../users/user.entity.js';
import { UserRepository } from '../users/user.repository.js';
import type { SetupAdminDto } from './dto/setup-admin.dto.js';

const TOKEN_KEY = 'setup_token';
const TOKEN_LIFETIME_MS = 24 * 3_600_000;

interface StoredToken {
  hash: string;
  issuedAt: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * First-admin setup: while no admin exists, each start prints a fresh one-time link. The
 * token travels in the URL fragment, which browsers never send to servers or log.
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Setup');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly appState: AppStateRepository,
    private readonly users: UserRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.isNeeded())) return;
    const token = await this.issueToken();
    const link = `${this.config.publicOrigin}/setup#token=${token}`;
    // Printed directly (not only logged) so it is visible whatever LOG_LEVEL is.
    if (this.config.env !== 'test') {
      process.stdout.write(
        `\n  Kindred has no admin yet. Open this one-time link to create the admin account:\n\n    ${link}\n\n` +
          `  (Or run: npm run admin:create -- --handle NAME)\n\n`,
      );
    }
    this.logger.log('first-admin setup link issued');
  }

  async isNeeded(): Promise<boolean> {
    return !(await this.users.adminExists());
  }

  /** Issues a new token, replacing any earlier one. */
  async issueToken(): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const value: StoredToken = { hash: sha256(token).toString('hex'), issuedAt: this.clock.now().toISOString() };
    await this.appState.put(TOKEN_KEY, { ...value });
    return token;
  }

  async createAdmin(dto: SetupAdminDto): Promise<UserEntity> {
    return this.db.transaction(async (manager) => {
      // The row lock makes two simultaneous visitors queue; only the first can succeed.
      const stored = (await this.appState.getForUpdate(TOKEN_KEY, manager)) as StoredToken | undefined;
      if (!stored || (await this.users.adminExists(manager))) {
        throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.SetupUnavailable, message: 'Setup is already complete. Please sign in instead.' });
      }
      const expired = this.clock.now().getTime() - Date.parse(stored.issuedAt) > TOKEN_LIFETIME_MS;
      const expected = Buffer.from(stored.hash, 'hex');
      if (expired || !timingSafeEqual(expected, sha256(dto.token))) {
        throw new AppError({
          status: HttpStatus.FORBIDDEN,
          code: ErrorCode.SetupTokenInvalid,
          message: 'This setup link is not valid any more. Restart the server to print a new one.',
        });
      }
      const admin = await this.users.create({ handle: dto.handle, password: dto.password, role: Role.Admin }, manager);
      await this.appState.delete(TOKEN_KEY, manager);
      return admin;
    });
  }
}
